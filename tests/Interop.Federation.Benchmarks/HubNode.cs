using System.Net;
using Interop.Caching;
using Interop.Federation.Grpc;
using Interop.Federation.Registry;
using Interop.Federation.TokenService;
using Interop.Grpc.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Interop.Federation.Benchmarks;

/// <summary>
/// One hub node on real Kestrel, 127.0.0.1 only: the token service on an HTTP/1.1 port (as OAuth clients use it), the
/// benchmark gRPC service on an h2c port, a temporary SQLite registry, in-memory shared state, logging at Warning.
/// Every mode builds exactly this node; only <see cref="AuthorizationMode"/> changes whether and how calls are authorized.
/// </summary>
internal sealed class HubNode : IAsyncDisposable
{
    public const string Issuer = "https://hub.benchmark.local";

    private readonly WebApplication _app;
    private readonly string _databasePath;

    private HubNode(WebApplication app, string databasePath, Uri tokenAddress, Uri grpcAddress)
    {
        _app = app;
        _databasePath = databasePath;
        TokenAddress = tokenAddress;
        GrpcAddress = grpcAddress;
    }

    public Uri TokenAddress { get; }

    public Uri GrpcAddress { get; }

    public static async Task<HubNode> StartAsync(AuthorizationMode mode, BenchPartners partners)
    {
        var databasePath = Path.Combine(Path.GetTempPath(), "interop-fedbench-" + Guid.NewGuid().ToString("N") + ".db");
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        ListenOptions? http1 = null;
        ListenOptions? http2 = null;
        builder.WebHost.UseKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, 0, l => { l.Protocols = HttpProtocols.Http1; http1 = l; });
            k.Listen(IPAddress.Loopback, 0, l => { l.Protocols = HttpProtocols.Http2; http2 = l; });
        });
        builder.Logging.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(new NodeSettings(mode));
        builder.Services.AddSingleton<ISharedStateStore>(new InMemorySharedStateStore(TimeProvider.System));
        builder.Services.AddInteropCaching();
        builder.Services.AddInteropFederationSqlite(databasePath);
        builder.Services.AddInteropTokenService(o => o.Issuer = Issuer);
        builder.Services.AddGrpc();
        if (mode != AuthorizationMode.None)
        {
            builder.Services.AddHubAuthorization(o =>
            {
                // The counter is still incremented on every call (its cost is measured); the limit is set out of reach
                // so the run measures throughput, not the default 6000 calls per minute.
                o.RateLimitPerWindow = int.MaxValue;
                o.ValidatedTokenCacheSize = mode == AuthorizationMode.Cached ? new HubAuthorizationOptions().ValidatedTokenCacheSize : 0;
            });
        }

        var app = builder.Build();
        app.MapInteropTokenService();
        app.MapGrpcService<BenchService>();
        await app.StartAsync();
        await partners.SeedAsync(app.Services.GetRequiredService<IPartnerStore>());

        // Kestrel writes the bound port back into each ListenOptions.
        var tokenAddress = new Uri("http://127.0.0.1:" + http1!.IPEndPoint!.Port);
        var grpcAddress = new Uri("http://127.0.0.1:" + http2!.IPEndPoint!.Port);
        return new HubNode(app, databasePath, tokenAddress, grpcAddress);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _databasePath, _databasePath + "-wal", _databasePath + "-shm" })
        {
            File.Delete(file);
        }
    }
}
