using System.Collections.Concurrent;

namespace Interop.Hub.Tests.Infrastructure;

/// <summary>
/// A running hub (the real program) on one storage provider with the <see cref="Twente"/> partners registered, shared
/// by one test class. Test classes derive for each provider: <see cref="SqliteTwenteHub"/> and
/// <see cref="PostgreSqlTwenteHub"/>, so every hub test runs on both.
/// </summary>
public abstract class TwenteHubFixture : IAsyncLifetime
{
    private readonly StorageProvider _provider;
    private readonly string[] _settings;
    private readonly ConcurrentDictionary<string, Task<HubPartnerClient>> _clients = new(StringComparer.Ordinal);
    private HubProcess? _hub;
    private int _clientNumber;

    /// <summary>A hub on <paramref name="provider"/>, started with <paramref name="settings"/> (command-line form) added.</summary>
    protected TwenteHubFixture(StorageProvider provider, params string[] settings)
    {
        _provider = provider;
        _settings = settings;
    }

    public HubProcess Hub => _hub ?? throw new InvalidOperationException("Not started.");

    public StorageProvider Provider => _provider;

    public async Task InitializeAsync()
    {
        _hub = await HubProcess.StartAsync(_provider, _settings);
        foreach (var partner in Twente.Partners)
        {
            await _hub.Registry.AddOrganisationAsync(partner);
        }
    }

    /// <summary>A client of <paramref name="oin"/> holding every scope (one per organisation, reused).</summary>
    public Task<HubPartnerClient> ClientAsync(string oin) =>
        _clients.GetOrAdd(oin, o => HubPartnerClient.RegisterAsync(Hub, o, NewClientId(o), Twente.AllScopes));

    /// <summary>A new client of <paramref name="oin"/> holding only <paramref name="scopes"/>; dispose it.</summary>
    public Task<HubPartnerClient> NewClientAsync(string oin, params string[] scopes) =>
        HubPartnerClient.RegisterAsync(Hub, oin, NewClientId(oin), scopes);

    public async Task DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            (await client).Dispose();
        }

        if (_hub is not null)
        {
            await _hub.DisposeAsync();
        }
    }

    private string NewClientId(string oin) => $"client-{oin[^6..]}-{Interlocked.Increment(ref _clientNumber)}";
}
