using System.Globalization;

namespace Interop.Grpc.Shared;

/// <summary>
/// grpc-timeout: <c>TimeoutValue TimeoutUnit</c>, at most 8 ASCII digits and one of H M S m u n (PROTOCOL-HTTP2.md).
/// </summary>
internal static class GrpcTimeout
{
    private const long MaxValue = 99_999_999;

    /// <summary>Parses a grpc-timeout value. False for any value the grammar does not allow.</summary>
    public static bool TryParse(string? value, out TimeSpan timeout)
    {
        timeout = default;
        if (value is null || value.Length < 2 || value.Length > 9)
        {
            return false;
        }

        long amount = 0;
        for (var i = 0; i < value.Length - 1; i++)
        {
            var c = value[i];
            if (c is < '0' or > '9')
            {
                return false;
            }

            amount = (amount * 10) + (c - '0');
        }

        // Ticks are 100 ns; the largest value (99,999,999 hours) overflows TimeSpan, so clamp.
        long ticks;
        switch (value[^1])
        {
            case 'H': ticks = SaturatingMultiply(amount, TimeSpan.TicksPerHour); break;
            case 'M': ticks = SaturatingMultiply(amount, TimeSpan.TicksPerMinute); break;
            case 'S': ticks = SaturatingMultiply(amount, TimeSpan.TicksPerSecond); break;
            case 'm': ticks = amount * TimeSpan.TicksPerMillisecond; break;
            case 'u': ticks = amount * TimeSpan.TicksPerMicrosecond; break;
            case 'n': ticks = amount / 100; break;
            default: return false;
        }

        timeout = TimeSpan.FromTicks(ticks);
        return true;
    }

    /// <summary>Formats a timeout with the finest unit whose value fits in 8 digits, rounding up so a deadline is never shortened.</summary>
    public static string Format(TimeSpan timeout)
    {
        if (timeout <= TimeSpan.Zero)
        {
            return "1n";
        }

        var ticks = timeout.Ticks;
        if (ticks <= MaxValue / 100)
        {
            return (ticks * 100).ToString(CultureInfo.InvariantCulture) + "n";
        }

        ReadOnlySpan<(long TicksPerUnit, char Unit)> units =
        [
            (TimeSpan.TicksPerMicrosecond, 'u'),
            (TimeSpan.TicksPerMillisecond, 'm'),
            (TimeSpan.TicksPerSecond, 'S'),
            (TimeSpan.TicksPerMinute, 'M'),
            (TimeSpan.TicksPerHour, 'H'),
        ];
        foreach (var (perUnit, unit) in units)
        {
            // Round up without overflowing: ticks + perUnit - 1 would wrap for values near TimeSpan.MaxValue.
            var amount = (ticks / perUnit) + (ticks % perUnit == 0 ? 0 : 1);
            if (amount <= MaxValue)
            {
                return amount.ToString(CultureInfo.InvariantCulture) + unit;
            }
        }

        return MaxValue.ToString(CultureInfo.InvariantCulture) + "H";
    }

    private static long SaturatingMultiply(long amount, long factor) =>
        amount > TimeSpan.MaxValue.Ticks / factor ? TimeSpan.MaxValue.Ticks : amount * factor;
}
