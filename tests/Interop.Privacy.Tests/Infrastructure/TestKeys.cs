using System.Security.Cryptography;

namespace Interop.Privacy.Tests.Infrastructure;

internal static class TestKeys
{
    public static byte[] Random32() => RandomNumberGenerator.GetBytes(32);

    public static string Base64(int bytes) => Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes));
}
