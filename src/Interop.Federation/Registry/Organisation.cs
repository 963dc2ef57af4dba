using Interop.Contracts.V1;

namespace Interop.Federation.Registry;

/// <summary>A partner organisation registered with the hub.</summary>
/// <param name="Oin">Its OIN (20 digits; see <see cref="Registry.Oin"/>).</param>
/// <param name="Name">Its display name.</param>
/// <param name="Kind">What kind of organisation it is.</param>
/// <param name="RmcRegion">The RMC region code it belongs to (e.g. "RMC23"), or null.</param>
/// <param name="Enabled">False stops every client of the organisation at once.</param>
public sealed record Organisation(string Oin, string Name, OrganisationKind Kind, string? RmcRegion, bool Enabled = true)
{
    /// <summary>The leefgebieden it accepts referrals for (empty: it accepts none), in ascending order.</summary>
    public IReadOnlyList<Leefgebied> ReferralLeefgebieden { get; init; } = [];

    /// <summary>Whether it takes over plans (and with them the regie) from other organisations.</summary>
    public bool AcceptsHandovers { get; init; }

    /// <summary>Value equality, including the elements of <see cref="ReferralLeefgebieden"/> (in order), not the list's identity.</summary>
    public bool Equals(Organisation? other) =>
        other is not null
        && string.Equals(Oin, other.Oin, StringComparison.Ordinal)
        && string.Equals(Name, other.Name, StringComparison.Ordinal)
        && Kind == other.Kind
        && string.Equals(RmcRegion, other.RmcRegion, StringComparison.Ordinal)
        && Enabled == other.Enabled
        && AcceptsHandovers == other.AcceptsHandovers
        && (ReferenceEquals(ReferralLeefgebieden, other.ReferralLeefgebieden)
            || (ReferralLeefgebieden is not null && other.ReferralLeefgebieden is not null && ReferralLeefgebieden.SequenceEqual(other.ReferralLeefgebieden)));

    /// <summary>Prints the leefgebieden themselves rather than the list's type, so test failures show what differs.</summary>
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"Oin = {Oin}, Name = {Name}, Kind = {Kind}, RmcRegion = {RmcRegion}, Enabled = {Enabled}, ");
        builder.Append($"ReferralLeefgebieden = [{string.Join(", ", ReferralLeefgebieden ?? [])}], AcceptsHandovers = {AcceptsHandovers}");
        return true;
    }

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Oin, StringComparer.Ordinal);
        hash.Add(Name, StringComparer.Ordinal);
        hash.Add(Kind);
        hash.Add(RmcRegion, StringComparer.Ordinal);
        hash.Add(Enabled);
        hash.Add(AcceptsHandovers);
        foreach (var leefgebied in ReferralLeefgebieden ?? [])
        {
            hash.Add(leefgebied);
        }

        return hash.ToHashCode();
    }
}
