using Interop.Federation.Registry;

namespace Interop.Federation.Grpc;

/// <summary>
/// The authenticated caller of a gRPC call, taken from its validated hub access token. Handlers read it with
/// <see cref="HubCallerExtensions.GetHubCaller"/>.
/// </summary>
/// <param name="Oin">The OIN of the caller's organisation (the <c>oin</c> claim).</param>
/// <param name="OrganisationKind">What kind of organisation it is (the <c>org_kind</c> claim).</param>
/// <param name="RmcRegion">The organisation's RMC region (the <c>rmc_region</c> claim), or null when it has none.</param>
/// <param name="ClientId">The API client that obtained the token (the <c>client_id</c> claim).</param>
/// <param name="Scopes">The scopes the token grants (the space-separated <c>scope</c> claim).</param>
/// <param name="TokenId">The token's <c>jti</c>, for the processing log (never the token itself).</param>
public sealed record HubCaller(
    string Oin,
    OrganisationKind OrganisationKind,
    string? RmcRegion,
    string ClientId,
    IReadOnlySet<string> Scopes,
    string TokenId)
{
    /// <summary>Whether the token grants <paramref name="scope"/> (exact, case-sensitive match as OAuth defines scopes).</summary>
    public bool HasScope(string scope) => Scopes.Contains(scope);
}
