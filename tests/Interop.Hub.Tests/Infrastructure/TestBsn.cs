namespace Interop.Hub.Tests.Infrastructure;

/// <summary>
/// Made-up BSNs that pass the elfproef, unique within a test run (so tests sharing a hub never meet each other's
/// jongeren). They start with 9, outside the ranges the tests elsewhere use; they belong to nobody.
/// </summary>
public static class TestBsn
{
    private static int _next = Random.Shared.Next(0, 5_000_000);

    /// <summary>A fresh valid BSN.</summary>
    public static string Next()
    {
        while (true)
        {
            var body = "9" + (Interlocked.Increment(ref _next) % 10_000_000).ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
            var sum = 0;
            for (var i = 0; i < 8; i++)
            {
                sum += (9 - i) * (body[i] - '0');
            }

            // 9*d1 + ... + 2*d8 - d9 ≡ 0 (mod 11): d9 = sum mod 11, usable when it is a single digit.
            var check = sum % 11;
            if (check < 10)
            {
                return body + (char)('0' + check);
            }
        }
    }
}
