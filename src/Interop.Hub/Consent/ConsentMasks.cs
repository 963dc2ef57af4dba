using Interop.Contracts.V1;

namespace Interop.Hub.Consent;

/// <summary>
/// The bit encoding of the consent table (migration 0003): leefgebied_mask and category_mask hold bit
/// (1 &lt;&lt; enum number) for every <see cref="Leefgebied"/> and <see cref="DataCategory"/> a consent covers, so the
/// legal basis resolver can test coverage with one <c>&amp;</c> in SQL.
/// </summary>
internal static class ConsentMasks
{
    /// <summary>The mask of <paramref name="leefgebieden"/>.</summary>
    public static long Of(IEnumerable<Leefgebied> leefgebieden) => leefgebieden.Aggregate(0L, (mask, l) => mask | Bit((int)l));

    /// <summary>The mask of <paramref name="categories"/>.</summary>
    public static long Of(IEnumerable<DataCategory> categories) => categories.Aggregate(0L, (mask, c) => mask | Bit((int)c));

    /// <summary>The leefgebieden in <paramref name="mask"/>, in enum order.</summary>
    public static IEnumerable<Leefgebied> Leefgebieden(long mask) =>
        Enum.GetValues<Leefgebied>().Where(l => l != Leefgebied.Unspecified && (mask & Bit((int)l)) != 0);

    /// <summary>The data categories in <paramref name="mask"/>, in enum order.</summary>
    public static IEnumerable<DataCategory> Categories(long mask) =>
        Enum.GetValues<DataCategory>().Where(c => c != DataCategory.Unspecified && (mask & Bit((int)c)) != 0);

    private static long Bit(int number) => 1L << number;
}
