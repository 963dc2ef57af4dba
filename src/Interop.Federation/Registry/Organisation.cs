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
}
