using System.Net;
using Interop.Caching;
using Interop.Federation.Client;
using Interop.Federation.Keys;
using Interop.Federation.Registry;
using Interop.Federation.TokenService;
using Interop.Grpc;
using Interop.Grpc.AspNetCore;
using Interop.Grpc.Client;
using Interop.Grpc.HealthCheck;
using Interop.Grpc.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Interop.Federation.Grpc.Tests.Infrastructure;

/// <summary>
/// One hub node on real Kestrel (127.0.0.1, dynamic port, h2c): the token service, the test gRPC service behind
/// <see cref="HubAuthorizationInterceptor"/>, health and reflection, over a temporary SQLite registry and a clock the
/// test moves. Disposing fails the test on any error log.
/// </summary>
public sealed class AuthzServer : IAsyncDisposable
{
    public const string Issuer = "https://hub.interop.test";

    private readonly WebApplication _app;
    private readonly bool _ownsDatabase;
    private readonly List<IDisposable> _disposables = [];

    private AuthzServer(WebApplication app, string databasePath, bool ownsDatabase, TestTimeProvider clock, CollectingLoggerProvider logs)
    {
        _app = app;
        DatabasePath = databasePath;
        _ownsDatabase = ownsDatabase;
        Clock = clock;
        Logs = logs;
        Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        Channel = GrpcChannel.ForAddress(Address);
    }

    public Uri Address { get; }

    public GrpcChannel Channel { get; }

    public TestTimeProvider Clock { get; }

    public CollectingLoggerProvider Logs { get; }

    public string DatabasePath { get; }

    public IServiceProvider Services => _app.Services;

    public IPartnerStore Partners => _app.Services.GetRequiredService<IPartnerStore>();

    public static async Task<AuthzServer> StartAsync(
        Action<HubAuthorizationOptions>? configure = null,
        TestTimeProvider? clock = null,
        ISharedStateStore? sharedState = null,
        string? databasePath = null,
        bool seed = true)
    {
        clock ??= new TestTimeProvider();
        var ownsDatabase = databasePath is null;
        databasePath ??= Path.Combine(Path.GetTempPath(), "interop-authz-" + Guid.NewGuid().ToString("N") + ".db");
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        var logs = new CollectingLoggerProvider();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton(sharedState ?? new InMemorySharedStateStore(clock));
        builder.Services.AddInteropCaching();
        builder.Services.AddInteropFederationSqlite(databasePath);
        builder.Services.AddInteropTokenService(o => o.Issuer = Issuer);
        builder.Services.AddGrpc();
        builder.Services.AddHubAuthorization(configure);
        builder.Services.AddGrpcHealthChecks();
        builder.Services.AddGrpcReflection();
        var app = builder.Build();
        app.MapInteropTokenService();
        app.MapGrpcService<ReferralsService>();
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        await app.StartAsync().WaitAsync(TimeSpan.FromSeconds(20));
        var server = new AuthzServer(app, databasePath, ownsDatabase, clock, logs);
        if (seed)
        {
            await TestPartners.SeedAsync(server.Partners).WaitAsync(TimeSpan.FromSeconds(10));
        }

        return server;
    }

    /// <summary>A real token provider for a client: private_key_jwt at this node's /token, on the test clock.</summary>
    public ClientAssertionTokenProvider TokenProvider(string clientId, SecurityKeyChoice key, string? scope = null)
    {
        // The node speaks h2c only (prior knowledge), like the gRPC channel.
        var http = new HttpClient
        {
            BaseAddress = Address,
            Timeout = TimeSpan.FromSeconds(10),
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        var provider = new ClientAssertionTokenProvider(http, new ClientAssertionOptions
        {
            TokenEndpoint = new Uri(Address, "/token"),
            Audience = Issuer + "/token",
            ClientId = clientId,
            SigningKey = key == SecurityKeyChoice.Gemeente ? TestPartners.GemeenteSigningKey : TestPartners.RocSigningKey,
            Scope = scope,
        }, Clock);
        _disposables.Add(http);
        _disposables.Add(provider);
        return provider;
    }

    /// <summary>A call invoker that adds the client's hub token to every call (the client-side interceptor).</summary>
    public CallInvoker InvokerFor(string clientId, SecurityKeyChoice key, string? scope = null) =>
        Channel.Intercept(new TokenInjectionInterceptor(TokenProvider(clientId, key, scope)));

    /// <summary>A real hub token for the gemeente client (both scopes unless <paramref name="scope"/> narrows it).</summary>
    public async Task<string> GemeenteTokenAsync(string? scope = null) =>
        await TokenProvider(TestPartners.GemeenteClient, SecurityKeyChoice.Gemeente, scope).GetAccessTokenAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

    /// <summary>The hub's current signing credentials, for crafting tokens the token service would not issue.</summary>
    public async Task<Microsoft.IdentityModel.Tokens.SigningCredentials> HubSigningCredentialsAsync() =>
        (await _app.Services.GetRequiredService<HubSigningKeyManager>().GetKeyRingAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10))).SigningCredentials;

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        foreach (var disposable in _disposables)
        {
            disposable.Dispose();
        }

        await _app.StopAsync().WaitAsync(TimeSpan.FromSeconds(10));
        await _app.DisposeAsync();
        if (_ownsDatabase)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { DatabasePath, DatabasePath + "-wal", DatabasePath + "-shm" })
            {
                File.Delete(file);
            }
        }

        // Functional tests fail on any unexpected error log (grpc-dotnet VerifyNoErrorsScope).
        var errors = Logs.Entries.Where(e => e.Level >= LogLevel.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Unexpected error logs: " + string.Join(Environment.NewLine, errors.Select(e => e.Message)));
        }
    }
}

/// <summary>Which test client key signs the assertion.</summary>
public enum SecurityKeyChoice
{
    Gemeente,
    Roc,
}
