using Interop.Federation.Client;
using Interop.Federation.Registry;
using Microsoft.IdentityModel.Tokens;

namespace Interop.Federation.Grpc.Tests.Infrastructure;

/// <summary>The partners the tests register, with client keys generated once per test run (never committed).</summary>
public static class TestPartners
{
    public const string GemeenteOin = "00000001001234567000";
    public const string RocOin = "00000007000000025000";
    public const string GemeenteClient = "gemeente-utrecht";
    public const string RocClient = "roc-midden";
    public const string ReadScope = "referrals.read";
    public const string WriteScope = "referrals.write";

    private static readonly Lazy<ClientKeyMaterial> GemeenteKey = new(() => ClientKeyMaterial.Generate(2048));
    private static readonly Lazy<ClientKeyMaterial> RocKey = new(() => ClientKeyMaterial.Generate(2048));

    public static SecurityKey GemeenteSigningKey => ClientKeyMaterial.LoadPrivateKey(GemeenteKey.Value.PrivateKeyPem, GemeenteKey.Value.Kid);

    public static SecurityKey RocSigningKey => ClientKeyMaterial.LoadPrivateKey(RocKey.Value.PrivateKeyPem, RocKey.Value.Kid);

    /// <summary>A gemeente in region RMC23 whose client may read and write; an ROC whose client may only read.</summary>
    public static async Task SeedAsync(IPartnerStore store)
    {
        await store.AddOrganisationAsync(new Organisation(GemeenteOin, "Gemeente Utrecht", OrganisationKind.Gemeente, "RMC23"));
        await store.AddClientAsync(new ApiClient(GemeenteClient, GemeenteOin, GemeenteKey.Value.PublicJwks, null, [ReadScope, WriteScope]));
        await store.AddOrganisationAsync(new Organisation(RocOin, "ROC Midden Nederland", OrganisationKind.Roc, null));
        await store.AddClientAsync(new ApiClient(RocClient, RocOin, RocKey.Value.PublicJwks, null, [ReadScope]));
    }
}
