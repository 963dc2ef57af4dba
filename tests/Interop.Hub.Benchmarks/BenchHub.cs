using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using Interop.Federation.Client;
using Interop.Federation.Registry;
using Interop.Federation.Storage;
using Interop.Federation.Storage.PostgreSql;
using Interop.Grpc;
using Interop.Grpc.Client;

namespace Interop.Hub.Benchmarks;

/// <summary>
/// The hub program (Release build) on a fresh SQLite file in a temp folder, or on a PostgreSQL database, started as the
/// README's run command starts it, with logging at Warning and the per-client rate limit raised (the benchmark is one
/// client per organisation). Partners and clients are registered in its registry as interop-admin would.
/// </summary>
internal sealed class BenchHub : IAsyncDisposable
{
    // The hub's log lines shown after start-up; a run with many failures would otherwise flood the output.
    private const int MaxShownLogLines = 60;

    private readonly Process _process;
    private readonly string _directory;
    private readonly List<IDisposable> _disposables = [];
    private readonly Dictionary<string, IAccessTokenSource> _tokens = new(StringComparer.Ordinal);

    private readonly string? _postgreSql;

    private BenchHub(Process process, string directory, int grpcPort, int oauthPort, string? postgreSql)
    {
        _process = process;
        _directory = directory;
        _postgreSql = postgreSql;
        GrpcAddress = $"http://127.0.0.1:{grpcPort}";
        OAuthAddress = $"http://127.0.0.1:{oauthPort}";
        Registry = postgreSql is null ? new SqliteFederationStore(DatabasePath) : new PostgreSqlFederationStore(postgreSql);
    }

    public string GrpcAddress { get; }

    /// <summary>The CPU time the hub process has used so far (user and system, all threads).</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public string OAuthAddress { get; }

    public IPartnerStore Registry { get; }

    /// <summary>The hub's SQLite file (registry, cases and processing log).</summary>
    public string DatabasePath => Path.Combine(_directory, "hub.db");

    /// <summary>
    /// Starts the hub on SQLite with <paramref name="synchronous"/>, or on the PostgreSQL database
    /// <paramref name="postgreSql"/> (a connection string) when given.
    /// </summary>
    public static async Task<BenchHub> StartAsync(string synchronous, string? postgreSql)
    {
        var repoRoot = typeof(BenchHub).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;
        var dll = Path.Combine(repoRoot, "src", "Interop.Hub", "bin", "Release", "net10.0", "Interop.Hub.dll");
        var directory = Directory.CreateTempSubdirectory("interop-hub-bench-").FullName;
        var (grpcPort, oauthPort) = (FreePort(), FreePort());
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true };
        string[] arguments =
        [
            dll,
            $"--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:{grpcPort}",
            $"--Kestrel:Endpoints:OAuth:Url=http://127.0.0.1:{oauthPort}",
            $"--Interop:TokenService:Issuer=http://127.0.0.1:{oauthPort}",
            $"--Interop:Federation:DatabasePath={Path.Combine(directory, "hub.db")}",
            $"--Interop:Privacy:DevelopmentKeyDirectory={directory}",
            "--Interop:Demo:SeedWhenEmpty=false",
            "--Interop:Authorization:RateLimitPerWindow=100000000",
            "--Logging:LogLevel:Default=Warning",
            $"--Interop:Storage:SqliteSynchronous={synchronous}",
            "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information",
            .. postgreSql is null ? Array.Empty<string>() : ["--Interop:Storage:Provider=PostgreSql", $"--Interop:Storage:ConnectionString={postgreSql}"],
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var shownLines = 0;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.Contains("Application started", StringComparison.Ordinal) == true)
            {
                started.TrySetResult();
            }
            else if (e.Data is not null && started.Task.IsCompleted && Interlocked.Increment(ref shownLines) <= MaxShownLogLines)
            {
                // Logging is at Warning: whatever the hub logs during a run (a failing call, say) is worth seeing.
                Console.Error.WriteLine("hub: " + e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine("hub: " + e.Data);
            }
        };
        process.Exited += (_, _) => started.TrySetException(new InvalidOperationException("The hub exited during start-up."));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await started.Task.WaitAsync(TimeSpan.FromSeconds(60));
        return new BenchHub(process, directory, grpcPort, oauthPort, postgreSql);
    }

    /// <summary>Registers a client of <paramref name="oin"/> with every scope and returns an invoker carrying its token.</summary>
    public async Task<CallInvoker> ClientAsync(string oin, string clientId)
    {
        var key = ClientKeyMaterial.Generate(2048);
        await Registry.AddClientAsync(new ApiClient(clientId, oin, key.PublicJwks, null,
            ["referrals.read", "referrals.write", "consent.read", "consent.write", "status.read", "status.write", "notifications.read", "directory.read"]));
        var http = new HttpClient();
        var tokens = new ClientAssertionTokenProvider(http, new ClientAssertionOptions
        {
            TokenEndpoint = new Uri(OAuthAddress + "/token"),
            ClientId = clientId,
            SigningKey = ClientKeyMaterial.LoadPrivateKey(key.PrivateKeyPem, key.Kid),
        });
        _disposables.Add(http);
        _disposables.Add(tokens);
        _tokens.Add(clientId, tokens);
        var channel = GrpcChannel.ForAddress(GrpcAddress);
        _disposables.Add(channel);
        return channel.Intercept(new TokenInjectionInterceptor(tokens));
    }

    /// <summary>The current access token of a client registered with <see cref="ClientAsync"/>, for h2load's header.</summary>
    public ValueTask<string> TokenAsync(string clientId) => _tokens[clientId].GetAccessTokenAsync();

    /// <summary>How many processing records the hub has written (read from its database).</summary>
    public async Task<long> ProcessingRecordCountAsync()
    {
        await using System.Data.Common.DbConnection connection = _postgreSql is null
            ? new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly;Pooling=False")
            : new Npgsql.NpgsqlConnection(_postgreSql);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM processing_record";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var disposable in _disposables)
        {
            disposable.Dispose();
        }

        // Both registry stores keep connections open (SQLite's prepared, PostgreSQL's pooled).
        await ((IAsyncDisposable)Registry).DisposeAsync();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
