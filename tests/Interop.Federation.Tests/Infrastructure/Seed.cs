using Interop.Federation.Registry;

namespace Interop.Federation.Tests.Infrastructure;

/// <summary>The partners most tests register.</summary>
public static class Seed
{
    public const string GemeenteOin = "00000001001234567000";
    public const string RocOin = "00000007000000025000";
    public const string HubOin = "00000099000000000001";
    public const string GemeenteClient = "gemeente-utrecht";
    public const string RocClient = "roc-midden";
    public const string HubClient = "hub-noord";
    public static readonly string[] GemeenteScopes = ["referrals.read", "referrals.write", "status.read"];

    public static async Task GemeenteAsync(IPartnerStore store, string? jwks = null, Uri? jwksUrl = null)
    {
        await store.AddOrganisationAsync(new Organisation(GemeenteOin, "Gemeente Utrecht", OrganisationKind.Gemeente, "RMC23"));
        await store.AddClientAsync(new ApiClient(GemeenteClient, GemeenteOin, jwksUrl is null ? jwks ?? TestKeys.ClientRsa.Jwks : null, jwksUrl, GemeenteScopes));
    }

    public static async Task RocWithEcKeyAsync(IPartnerStore store)
    {
        await store.AddOrganisationAsync(new Organisation(RocOin, "ROC Midden Nederland", OrganisationKind.Roc, null));
        await store.AddClientAsync(new ApiClient(RocClient, RocOin, TestKeys.ClientEc.Jwks, null, ["referrals.write"]));
    }

    public static async Task HubPartnerAsync(IPartnerStore store)
    {
        await store.AddOrganisationAsync(new Organisation(HubOin, "Hub Noord", OrganisationKind.Hub, null));
        await store.AddClientAsync(new ApiClient(HubClient, HubOin, TestKeys.OtherRsa.Jwks, null, ["federation.forward"]));
    }
}
