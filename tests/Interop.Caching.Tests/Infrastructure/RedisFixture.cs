using StackExchange.Redis;

namespace Interop.Caching.Tests.Infrastructure;

/// <summary>One redis-server for the whole <see cref="RedisCollection"/>, plus a raw connection to inspect keys and TTLs.</summary>
public sealed class RedisFixture : IAsyncLifetime
{
    private RedisServer? _server;
    private ConnectionMultiplexer? _inspector;

    /// <summary>The running server.</summary>
    public RedisServer Server => _server ?? throw new InvalidOperationException("Not started.");

    /// <summary>Direct access for assertions (PTTL, raw keys), independent of the code under test.</summary>
    public IDatabase Inspector => (_inspector ?? throw new InvalidOperationException("Not started.")).GetDatabase();

    /// <summary>A fresh key prefix, so tests sharing the server never see each other's keys.</summary>
    public static string UniquePrefix() => $"test-{Guid.NewGuid():N}:";

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _server = await RedisServer.StartAsync();
        _inspector = await ConnectionMultiplexer.ConnectAsync(_server.Configuration).WaitAsync(TimeSpan.FromSeconds(10));
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        _inspector?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
