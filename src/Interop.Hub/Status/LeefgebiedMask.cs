using Interop.Contracts.V1;

namespace Interop.Hub.JongereStatus;

/// <summary>
/// Leefgebieden (life domains) as the hub's tables store them: a BIGINT with bit (1 &lt;&lt; interop.v1.Leefgebied
/// number) set for each.
/// </summary>
internal static class LeefgebiedMask
{
    /// <summary>Every defined leefgebied, in enum order (the order a status answer lists them in).</summary>
    public static IReadOnlyList<Leefgebied> All { get; } =
        [.. Enum.GetValues<Leefgebied>().Where(l => l != Leefgebied.Unspecified).Order()];

    /// <summary>The mask of <paramref name="leefgebieden"/>.</summary>
    public static long From(IEnumerable<Leefgebied> leefgebieden) => Storage.EnumMask.Of(leefgebieden);

    /// <summary>The bit of one leefgebied.</summary>
    public static long Bit(Leefgebied leefgebied) => 1L << (int)leefgebied;

    /// <summary>The leefgebieden of <paramref name="mask"/>, in enum order.</summary>
    public static List<Leefgebied> ToList(long mask) => [.. All.Where(l => (mask & Bit(l)) != 0)];
}
