using Interop.Federation.Client;
using Interop.Federation.Registry;
using Microsoft.IdentityModel.Tokens;

namespace Interop.Federation.Benchmarks;

/// <summary>Benchmark partners: one gemeente with N API clients, keys generated per run (never stored on disk).</summary>
internal sealed class BenchPartners
{
    public const string Oin = "00000001001234567000";
    public const string Scope = "bench.call";

    private readonly ClientKeyMaterial[] _keys;

    public BenchPartners(int clients)
    {
        _keys = Enumerable.Range(0, clients).Select(_ => ClientKeyMaterial.Generate(2048)).ToArray();
        SigningKeys = _keys.Select(k => (SecurityKey)ClientKeyMaterial.LoadPrivateKey(k.PrivateKeyPem, k.Kid)).ToArray();
    }

    public int Count => _keys.Length;

    public IReadOnlyList<SecurityKey> SigningKeys { get; }

    public static string ClientId(int index) => "bench-client-" + index;

    public async Task SeedAsync(IPartnerStore store)
    {
        await store.AddOrganisationAsync(new Organisation(Oin, "Gemeente Benchmark", OrganisationKind.Gemeente, "RMC23"));
        for (var i = 0; i < _keys.Length; i++)
        {
            await store.AddClientAsync(new ApiClient(ClientId(i), Oin, _keys[i].PublicJwks, null, [Scope]));
        }
    }
}
