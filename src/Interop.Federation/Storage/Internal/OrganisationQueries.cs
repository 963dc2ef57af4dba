using Interop.Contracts.V1;
using Interop.Federation.Registry;

namespace Interop.Federation.Storage.Internal;

/// <summary>The organisation statements both providers run (the schemas differ only in column types), and how their rows are read back.</summary>
internal static class OrganisationQueries
{
    /// <summary>One row per organisation and referral leefgebied (one row with a null leefgebied when it accepts none), so an organisation is read in one statement and one snapshot.</summary>
    public const string Select =
        "SELECT o.oin AS Oin, o.name AS Name, o.kind AS Kind, o.rmc_region AS RmcRegion, o.enabled AS Enabled, o.accepts_handovers AS AcceptsHandovers, l.leefgebied AS Leefgebied " +
        "FROM organisation o LEFT JOIN organisation_referral_leefgebied l ON l.oin = o.oin";

    public const string Insert =
        "INSERT INTO organisation (oin, name, kind, rmc_region, enabled, accepts_handovers, created_at) VALUES (@Oin, @Name, @Kind, @RmcRegion, @Enabled, @AcceptsHandovers, @CreatedAt)";

    public const string InsertLeefgebied = "INSERT INTO organisation_referral_leefgebied (oin, leefgebied) VALUES (@Oin, @Leefgebied)";

    public const string DeleteLeefgebieden = "DELETE FROM organisation_referral_leefgebied WHERE oin = @oin";

    public const string UpdateAcceptsHandovers = "UPDATE organisation SET accepts_handovers = @acceptsHandovers WHERE oin = @oin";

    /// <summary>The rows to insert for <paramref name="leefgebieden"/> (already validated).</summary>
    public static IEnumerable<object> LeefgebiedRows(string oin, IEnumerable<Leefgebied> leefgebieden) =>
        leefgebieden.Select(l => new { Oin = oin, Leefgebied = l.ToWireName() }).ToList();

    /// <summary>
    /// Folds the joined rows (ordered by OIN) into organisations, each with its leefgebieden in ascending order.
    /// <paramref name="build"/> makes the organisation of a row without its leefgebieden.
    /// </summary>
    public static List<Organisation> Assemble<TRow>(IEnumerable<TRow> rows, Func<TRow, string> oin, Func<TRow, string?> leefgebied, Func<TRow, Organisation> build)
    {
        var organisations = new List<Organisation>();
        Organisation? current = null;
        var leefgebieden = new List<Leefgebied>();
        foreach (var row in rows)
        {
            if (current is null || !string.Equals(current.Oin, oin(row), StringComparison.Ordinal))
            {
                Flush();
                current = build(row);
            }

            if (leefgebied(row) is { } name)
            {
                leefgebieden.Add(Leefgebieden.TryParse(name, out var parsed)
                    ? parsed
                    : throw new InvalidOperationException($"Organisation {current.Oin} has an unknown referral leefgebied '{name}' in the database."));
            }
        }

        Flush();
        return organisations;

        void Flush()
        {
            if (current is not null)
            {
                leefgebieden.Sort();
                organisations.Add(current with { ReferralLeefgebieden = leefgebieden.ToArray() });
                leefgebieden.Clear();
            }
        }
    }
}
