using System.Security.Cryptography;
using System.Text;
using Interop.Federation.Grpc.Internal;

namespace Interop.Federation.Grpc.Tests.Validation;

public class TokenHashTests
{
    [Theory]
    [InlineData("eyJhbGciOiJQUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln")]
    [InlineData("é-not-ascii-€")]
    [InlineData("")]
    public void Compute_IsTheSha256OfTheUtf8Token(string token)
    {
        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        var hash = TokenHash.Compute(token);

        Assert.Equal(expected, new[] { hash.A, hash.B, hash.C, hash.D }.SelectMany(BitConverter.GetBytes).ToArray());
    }

    [Fact]
    public void Compute_LongTokens_AndOneCharacterChanged_Differ()
    {
        // Longer than any stack buffer would be: the rented buffer is used and cleared each time, and a shorter
        // token hashed after a longer one must not pick up the longer one's bytes.
        var longToken = new string('a', 10_000);
        var shorter = new string('a', 9_999);
        var changed = string.Concat(longToken.AsSpan(0, 5_000), "b", longToken.AsSpan(5_001));

        Assert.Equal(TokenHash.Compute(longToken), TokenHash.Compute(longToken));
        Assert.NotEqual(TokenHash.Compute(longToken), TokenHash.Compute(shorter));
        Assert.NotEqual(TokenHash.Compute(longToken), TokenHash.Compute(changed));
        Assert.Equal(TokenHash.Compute(shorter), TokenHash.Compute(shorter));
    }
}
