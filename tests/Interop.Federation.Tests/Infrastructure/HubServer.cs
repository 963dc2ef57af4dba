using System.Net;
using System.Text.Json;
using Interop.Caching;
using Interop.Federation.Registry;
using Interop.Federation.Storage;
using Interop.Federation.TokenService;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Interop.Federation.Tests.Infrastructure;

/// <summary>The token service on real Kestrel (127.0.0.1, port 0) with a temporary SQLite file.</summary>
public sealed class HubServer : IAsyncDisposable
{
    public const string Issuer = "https://hub.interop.test";
    public const string TokenEndpoint = Issuer + "/token";

    private readonly WebApplication _app;
    private readonly bool _ownsDatabase;

    private HubServer(WebApplication app, string databasePath, bool ownsDatabase, CollectingLoggerProvider logs)
    {
        _app = app;
        DatabasePath = databasePath;
        _ownsDatabase = ownsDatabase;
        Logs = logs;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        BaseAddress = new Uri(address);
        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
    }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    public string DatabasePath { get; }

    public CollectingLoggerProvider Logs { get; }

    public IServiceProvider Services => _app.Services;

    public IPartnerStore Partners => _app.Services.GetRequiredService<IPartnerStore>();

    /// <summary>Set to let a test provoke an error log on purpose.</summary>
    public bool AllowErrorLogs { get; set; }

    public static async Task<HubServer> StartAsync(
        Action<TokenServiceOptions>? configure = null,
        TimeProvider? timeProvider = null,
        string? databasePath = null,
        ISharedStateStore? sharedState = null,
        Action<IEndpointRouteBuilder>? mapExtra = null)
    {
        var ownsDatabase = databasePath is null;
        databasePath ??= Path.Combine(Path.GetTempPath(), "interop-fed-" + Guid.NewGuid().ToString("N") + ".db");
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var logs = new CollectingLoggerProvider();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        if (timeProvider is not null)
        {
            builder.Services.AddSingleton(timeProvider);
        }

        builder.Services.AddSingleton(sharedState ?? new InMemorySharedStateStore(timeProvider));
        builder.Services.AddDistributedMemoryCache();
        builder.Services.AddInteropFederationSqlite(databasePath);
        builder.Services.AddInteropTokenService(options =>
        {
            options.Issuer = Issuer;
            configure?.Invoke(options);
        });
        var app = builder.Build();
        app.MapInteropTokenService();
        mapExtra?.Invoke(app);
        await app.StartAsync().WaitAsync(TimeSpan.FromSeconds(20));
        return new HubServer(app, databasePath, ownsDatabase, logs);
    }

    public async Task<TokenResult> PostTokenAsync(IDictionary<string, string> form)
    {
        using var content = new FormUrlEncodedContent(form);
        using var response = await Http.PostAsync("/token", content).WaitAsync(TimeSpan.FromSeconds(10));
        var text = await response.Content.ReadAsStringAsync().WaitAsync(TimeSpan.FromSeconds(10));
        return new TokenResult(response.StatusCode, JsonDocument.Parse(text).RootElement.Clone(), response.Headers.CacheControl?.ToString(), text);
    }

    public Task<TokenResult> PostAssertionAsync(string assertion, string? scope = null, string grantType = "client_credentials")
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = grantType,
            ["client_assertion_type"] = OAuthConstants.JwtBearerAssertionType,
            ["client_assertion"] = assertion,
        };
        if (scope is not null)
        {
            form["scope"] = scope;
        }

        return PostTokenAsync(form);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync().WaitAsync(TimeSpan.FromSeconds(10));
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_ownsDatabase)
        {
            foreach (var file in new[] { DatabasePath, DatabasePath + "-wal", DatabasePath + "-shm" })
            {
                File.Delete(file);
            }
        }

        // Functional tests fail on any unexpected error log (grpc-dotnet VerifyNoErrorsScope).
        var errors = Logs.Entries.Where(e => e.Level >= LogLevel.Error).ToList();
        if (!AllowErrorLogs && errors.Count > 0)
        {
            throw new InvalidOperationException("Unexpected error logs: " + string.Join(Environment.NewLine, errors.Select(e => e.Message)));
        }
    }
}

public sealed record TokenResult(HttpStatusCode Status, JsonElement Body, string? CacheControl, string Text)
{
    public string? Error => Body.TryGetProperty("error", out var e) ? e.GetString() : null;

    public string AccessToken => Body.GetProperty("access_token").GetString()!;
}
