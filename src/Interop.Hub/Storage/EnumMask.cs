namespace Interop.Hub.Storage;

/// <summary>
/// How the hub's tables store a set of proto enum values (leefgebieden, data categories): a BIGINT with bit
/// (1 &lt;&lt; number) set for each value. Portable: <c>mask &amp; @bits</c> works on SQLite and PostgreSQL.
/// </summary>
internal static class EnumMask
{
    /// <summary>The mask of <paramref name="values"/> (numbers 0-62).</summary>
    public static long Of<T>(IEnumerable<T> values) where T : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(values);
        long mask = 0;
        foreach (var value in values)
        {
            var number = Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
            ArgumentOutOfRangeException.ThrowIfNegative(number);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(number, 62);
            mask |= 1L << number;
        }

        return mask;
    }

    /// <summary>The values in <paramref name="mask"/>, in ascending order.</summary>
    public static IReadOnlyList<T> ToList<T>(long mask) where T : struct, Enum
    {
        var values = new List<T>();
        for (var number = 0; number < 63; number++)
        {
            if ((mask & (1L << number)) != 0)
            {
                values.Add((T)Enum.ToObject(typeof(T), number));
            }
        }

        return values;
    }
}
