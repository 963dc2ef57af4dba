using Interop.Privacy;

namespace Interop.Privacy.Tests.Infrastructure;

/// <summary>
/// Made-up BSNs generated for tests: 8 random digits plus the check digit the elfproef demands. Never a real
/// person's number on purpose; seeded so failures reproduce.
/// </summary>
internal static class TestBsns
{
    public static string Generate(Random random)
    {
        while (true)
        {
            var digits = new char[Bsn.Length];
            var sum = 0;
            for (var i = 0; i < Bsn.Length - 1; i++)
            {
                var d = random.Next(10);
                digits[i] = (char)('0' + d);
                sum += (Bsn.Length - i) * d;
            }

            // sum - d9 must be divisible by 11, so d9 = sum mod 11; a remainder of 10 has no digit: draw again.
            var check = sum % 11;
            if (check == 10)
            {
                continue;
            }

            digits[Bsn.Length - 1] = (char)('0' + check);
            var value = new string(digits);
            if (value != "000000000")
            {
                return value;
            }
        }
    }

    public static IEnumerable<string> Many(int seed, int count)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            yield return Generate(random);
        }
    }
}
