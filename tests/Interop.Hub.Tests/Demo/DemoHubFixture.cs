using Interop.Hub.Tests.Infrastructure;

namespace Interop.Hub.Tests.Demo;

/// <summary>
/// A hub started twice on the same database with the demo seed on: the first start seeds the region, the second (the
/// restart) must find it in place. What the first start printed and the key files it wrote are kept; the second hub
/// stays up for the tests to call.
/// </summary>
public abstract class DemoHubFixture : IAsyncLifetime
{
    private DemoStorage? _storage;
    private HubProcess? _hub;

    protected DemoHubFixture(StorageProvider provider)
    {
        Provider = provider;
    }

    public StorageProvider Provider { get; }

    public DemoStorage Storage => _storage ?? throw new InvalidOperationException("Not started.");

    /// <summary>The restarted hub, running.</summary>
    public HubProcess Hub => _hub ?? throw new InvalidOperationException("Not started.");

    /// <summary>What the first (seeding) start printed.</summary>
    public string FirstStartOutput { get; private set; } = "";

    /// <summary>The key files after the first start: file name to content.</summary>
    public IReadOnlyDictionary<string, string> KeysAfterFirstStart { get; private set; } = new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        _storage = await DemoStorage.CreateAsync(Provider);
        await using (var first = await _storage.StartHubAsync())
        {
            FirstStartOutput = first.Output;
        }

        KeysAfterFirstStart = ReadKeys();
        _hub = await _storage.StartHubAsync();
    }

    /// <summary>The key files now: file name to content.</summary>
    public IReadOnlyDictionary<string, string> ReadKeys() =>
        Directory.Exists(Storage.KeyDirectory)
            ? Directory.GetFiles(Storage.KeyDirectory).ToDictionary(f => Path.GetFileName(f), File.ReadAllText, StringComparer.Ordinal)
            : new Dictionary<string, string>();

    public async Task DisposeAsync()
    {
        if (_hub is not null)
        {
            await _hub.DisposeAsync();
        }

        if (_storage is not null)
        {
            await _storage.DisposeAsync();
        }
    }
}
