using System.Text.Json;
using Interop.Federation.Client;
using Interop.Federation.Registry;
using Interop.Federation.TokenService;
using Microsoft.Extensions.Options;

namespace Interop.Hub.Demo;

/// <summary>
/// Registers the synthetic demo region (<see cref="DemoRegion"/>) at start, when <c>Interop:Demo:SeedWhenEmpty</c> is
/// on and the registry holds no other organisation: its partners and one API client each with every scope, whose key
/// pair is generated here; the private keys go to files outside the repository (<see cref="DemoKeyFiles"/>). Runs
/// again harmlessly: what is registered stays as it is, so a restart seeds nothing twice, and a seed cut off halfway
/// is completed. Then prints how to get a token and call the hub. Registered after storage, so it runs after the
/// schema migration and before the hub takes calls.
/// </summary>
internal sealed partial class DemoRegionSeeder(
    IPartnerStore registry,
    IOptions<DemoOptions> options,
    IOptions<TokenServiceOptions> tokenService,
    IConfiguration configuration,
    ILogger<DemoRegionSeeder> logger) : IHostedService
{
    // The registry's minimum (PartnerValidation): enough for a demo, and quick to generate at every first start.
    private const int KeySizeInBits = PartnerValidation.MinimumRsaKeySizeInBits;

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.SeedWhenEmpty)
        {
            return;
        }

        var keys = new DemoKeyFiles(options.Value.KeyDirectory!);
        if (keys.EnclosingRepository() is { } repository)
        {
            Log.KeysInsideRepository(logger, keys.Directory, repository);
            return;
        }

        var demoOins = DemoRegion.Partners.Select(p => p.Organisation.Oin).ToHashSet(StringComparer.Ordinal);
        var existing = await registry.ListOrganisationsAsync(cancellationToken).ConfigureAwait(false);
        var others = existing.Count(o => !demoOins.Contains(o.Oin));
        if (others > 0)
        {
            Log.RegistryInUse(logger, others);
            return;
        }

        var added = 0;
        foreach (var partner in DemoRegion.Partners.Where(p => !existing.Any(o => o.Oin == p.Organisation.Oin)))
        {
            added += await TryAddOrganisationAsync(partner.Organisation, cancellationToken).ConfigureAwait(false) ? 1 : 0;
        }

        var missing = new List<DemoPartner>();
        foreach (var partner in DemoRegion.Partners)
        {
            if (await registry.GetClientAsync(partner.ClientId, cancellationToken).ConfigureAwait(false) is null)
            {
                missing.Add(partner);
            }
        }

        // Key generation is the slow part of the seed: one key per client, generated side by side.
        var materials = await Task.WhenAll(missing.Select(_ => Task.Run(() => ClientKeyMaterial.Generate(KeySizeInBits), cancellationToken))).ConfigureAwait(false);
        var kids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (partner, material) in missing.Zip(materials))
        {
            if (await TryAddClientAsync(partner, material, keys, cancellationToken).ConfigureAwait(false))
            {
                kids[partner.ClientId] = material.Kid;
            }
        }

        if (added > 0 || kids.Count > 0)
        {
            Log.Seeded(logger, added, kids.Count, keys.Directory);
        }

        await PrintInstructionsAsync(keys, kids, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<bool> TryAddOrganisationAsync(Organisation organisation, CancellationToken cancellationToken)
    {
        try
        {
            await registry.AddOrganisationAsync(organisation, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (PartnerRegistryException)
        {
            // Another hub node on the same database seeded it a moment ago; anything else is a real failure.
            if (await registry.GetOrganisationAsync(organisation.Oin, cancellationToken).ConfigureAwait(false) is null)
            {
                throw;
            }

            return false;
        }
    }

    private async Task<bool> TryAddClientAsync(DemoPartner partner, ClientKeyMaterial material, DemoKeyFiles keys, CancellationToken cancellationToken)
    {
        var pending = await keys.WritePendingAsync(partner.ClientId, material.PrivateKeyPem, cancellationToken).ConfigureAwait(false);
        try
        {
            await registry.AddClientAsync(
                new ApiClient(partner.ClientId, partner.Organisation.Oin, material.PublicJwks, null, ContractScopes.All),
                cancellationToken).ConfigureAwait(false);
        }
        catch (PartnerRegistryException)
        {
            DemoKeyFiles.Discard(pending);
            // Another hub node registered it with its own key, which this node does not hold; anything else is a real failure.
            if (await registry.GetClientAsync(partner.ClientId, cancellationToken).ConfigureAwait(false) is null)
            {
                throw;
            }

            return false;
        }
        catch
        {
            DemoKeyFiles.Discard(pending);
            throw;
        }

        keys.Commit(pending, partner.ClientId);
        return true;
    }

    private async Task PrintInstructionsAsync(DemoKeyFiles keys, Dictionary<string, string> newKids, CancellationToken cancellationToken)
    {
        var example = DemoRegion.Example;
        var keyFile = keys.PathOf(example.ClientId);
        var kid = newKids.GetValueOrDefault(example.ClientId);
        if (kid is null && await registry.GetClientAsync(example.ClientId, cancellationToken).ConfigureAwait(false) is { Jwks: { } jwks })
        {
            using var document = JsonDocument.Parse(jwks);
            kid = document.RootElement.GetProperty("keys")[0].GetProperty("kid").GetString();
        }

        if (kid is null || !File.Exists(keyFile))
        {
            // Registered by another node, or its key file was removed: this node cannot offer a working command.
            Log.NoExampleKey(logger, example.ClientId, keyFile);
            return;
        }

        Log.Instructions(logger, DemoInstructions.Format(
            example,
            keyFile,
            kid,
            tokenService.Value.TokenEndpoint,
            DemoInstructions.GrpcTarget(configuration["Kestrel:Endpoints:Grpc:Url"]),
            keys.Directory));
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Demo region seeded: {Organisations} organisations and {Clients} API clients added; private keys in {KeyDirectory}.")]
        public static partial void Seeded(ILogger logger, int organisations, int clients, string keyDirectory);

        [LoggerMessage(2, LogLevel.Information, "Demo region not seeded: the registry holds {Count} other organisations (Interop:Demo:SeedWhenEmpty only fills an empty registry).")]
        public static partial void RegistryInUse(ILogger logger, int count);

        [LoggerMessage(3, LogLevel.Warning, "Demo region not seeded: its private keys would be written to {KeyDirectory}, inside the git working tree {Repository}. Set Interop:Demo:KeyDirectory to a folder outside it.")]
        public static partial void KeysInsideRepository(ILogger logger, string keyDirectory, string repository);

        [LoggerMessage(4, LogLevel.Information, "Demo region in place, but this node holds no private key for {ClientId} at {KeyFile}: register a key of your own with interop-admin clients rotate-key.")]
        public static partial void NoExampleKey(ILogger logger, string clientId, string keyFile);

        [LoggerMessage(5, LogLevel.Information, "{Instructions}")]
        public static partial void Instructions(ILogger logger, string instructions);
    }
}
