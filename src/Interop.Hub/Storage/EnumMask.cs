using System.Runtime.CompilerServices;

namespace Interop.Hub.Storage;

/// <summary>
/// How the hub's tables store a set of proto enum values (leefgebieden, data categories): a BIGINT with bit
/// (1 &lt;&lt; number) set for each value. Portable: <c>mask &amp; @bits</c> works on SQLite and PostgreSQL.
/// </summary>
/// <remarks>
/// Proto enums are 32-bit: values convert to and from their numbers without boxing (the status answer asks for
/// masks a few dozen times per call).
/// </remarks>
internal static class EnumMask
{
    /// <summary>The mask of <paramref name="values"/> (numbers 0-62).</summary>
    public static long Of<T>(IEnumerable<T> values) where T : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(values);
        long mask = 0;
        if (values is IReadOnlyList<T> list)
        {
            for (var i = 0; i < list.Count; i++)
            {
                mask |= Bit(list[i]);
            }

            return mask;
        }

        foreach (var value in values)
        {
            mask |= Bit(value);
        }

        return mask;
    }

    /// <summary>The bit of <paramref name="value"/> (number 0-62).</summary>
    public static long Bit<T>(T value) where T : struct, Enum
    {
        var number = NumberOf(value);
        ArgumentOutOfRangeException.ThrowIfNegative(number);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, 62);
        return 1L << number;
    }

    /// <summary>The values in <paramref name="mask"/>, in ascending order.</summary>
    public static IReadOnlyList<T> ToList<T>(long mask) where T : struct, Enum
    {
        RequireInt32<T>();
        var values = new List<T>(System.Numerics.BitOperations.PopCount((ulong)mask));
        for (var number = 0; number < 63; number++)
        {
            if ((mask & (1L << number)) != 0)
            {
                values.Add(Unsafe.As<int, T>(ref number));
            }
        }

        return values;
    }

    private static int NumberOf<T>(T value) where T : struct, Enum
    {
        RequireInt32<T>();
        return Unsafe.As<T, int>(ref value);
    }

    private static void RequireInt32<T>() where T : struct, Enum
    {
        if (!Int32Enum<T>.Is)
        {
            throw new ArgumentException($"{typeof(T).Name} is not a 32-bit enum.");
        }
    }

    // Read once per enum type; a static readonly the JIT folds into a constant.
    private static class Int32Enum<T> where T : struct, Enum
    {
        public static readonly bool Is = typeof(T).GetEnumUnderlyingType() == typeof(int);
    }
}
