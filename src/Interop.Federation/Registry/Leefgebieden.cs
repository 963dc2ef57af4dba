using System.Text;
using Interop.Contracts.V1;

namespace Interop.Federation.Registry;

/// <summary>
/// The wire names of <see cref="Leefgebied"/> (life domains) in the registry and the admin tool: the contract's name
/// without its LEEFGEBIED_ prefix, in lower case (<c>zorg</c>, <c>werk_en_inkomen</c>). They are what the registry
/// stores, so they never change once released.
/// </summary>
public static class Leefgebieden
{
    private static readonly Dictionary<Leefgebied, string> Names = Enum.GetValues<Leefgebied>()
        .Where(l => l != Leefgebied.Unspecified)
        .ToDictionary(l => l, l => SnakeCase(l.ToString()));

    private static readonly Dictionary<string, Leefgebied> ByName = Names.ToDictionary(p => p.Value, p => p.Key, StringComparer.OrdinalIgnoreCase);

    /// <summary>All wire names, in the contract's order, for help texts and errors.</summary>
    public static IReadOnlyList<string> WireNames { get; } = Names.OrderBy(p => p.Key).Select(p => p.Value).ToArray();

    /// <summary>The wire name, e.g. <c>werk_en_inkomen</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="leefgebied"/> is UNSPECIFIED or not defined.</exception>
    public static string ToWireName(this Leefgebied leefgebied) =>
        Names.TryGetValue(leefgebied, out var name) ? name : throw new ArgumentOutOfRangeException(nameof(leefgebied), leefgebied, "Not a leefgebied a partner can accept.");

    /// <summary>
    /// Parses a wire name in any case, also with '-' for '_' or with the contract's LEEFGEBIED_ prefix; UNSPECIFIED and
    /// numbers are refused, so a typo cannot pick a leefgebied.
    /// </summary>
    public static bool TryParse(string? value, out Leefgebied leefgebied)
    {
        leefgebied = Leefgebied.Unspecified;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var name = value.Trim().Replace('-', '_');
        if (name.StartsWith("LEEFGEBIED_", StringComparison.OrdinalIgnoreCase))
        {
            name = name["LEEFGEBIED_".Length..];
        }

        return ByName.TryGetValue(name, out leefgebied);
    }

    /// <summary>True for a leefgebied a partner can accept referrals for: defined and not UNSPECIFIED.</summary>
    public static bool IsAcceptable(Leefgebied leefgebied) => Names.ContainsKey(leefgebied);

    private static string SnakeCase(string pascal)
    {
        var builder = new StringBuilder(pascal.Length + 4);
        foreach (var c in pascal)
        {
            if (char.IsUpper(c) && builder.Length > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
