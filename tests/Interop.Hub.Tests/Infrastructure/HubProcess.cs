using System.Data.Common;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using Interop.Federation.Registry;
using Interop.Federation.Storage;
using Interop.Federation.Storage.PostgreSql;
using Interop.ProcessingLog;
using Interop.ProcessingLog.Storage;
using Interop.ProcessingLog.Storage.PostgreSql;
using Interop.Testing.PostgreSql;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Interop.Hub.Tests.Infrastructure;

/// <summary>
/// The built hub program, started the way the README's run command starts it (its own appsettings.json), with only the
/// ports, the database file and any extra settings overridden on the command line. Killed and cleaned up on dispose.
/// </summary>
public sealed class HubProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly StringBuilder _output;
    private readonly string _directory;

    private PostgreSqlDatabase? _postgreSql;

    private HubProcess(Process process, StringBuilder output, string directory, int grpcPort, int oauthPort, PostgreSqlDatabase? postgreSql)
    {
        _process = process;
        _output = output;
        _directory = directory;
        _postgreSql = postgreSql;
        Provider = postgreSql is null ? StorageProvider.Sqlite : StorageProvider.PostgreSql;
        Registry = postgreSql is null
            ? new SqliteFederationStore(Path.Combine(directory, "hub.db"))
            : new PostgreSqlFederationStore(postgreSql.ConnectionString);
        GrpcAddress = $"http://127.0.0.1:{grpcPort}";
        OAuthAddress = $"http://127.0.0.1:{oauthPort}";
    }

    /// <summary>The gRPC endpoint (h2c).</summary>
    public string GrpcAddress { get; }

    /// <summary>The OAuth endpoint, also the token service's issuer.</summary>
    public string OAuthAddress { get; }

    /// <summary>The hub's SQLite database (with the SQLite provider).</summary>
    public string DatabasePath => Path.Combine(_directory, "hub.db");

    /// <summary>The file the hub appends its processing log anchors to (Interop:ProcessingLog:Anchors:File).</summary>
    public string AnchorFilePath => Path.Combine(_directory, "anchors.txt");

    /// <summary>Where the hub keeps everything.</summary>
    public StorageProvider Provider { get; }

    /// <summary>The hub's PostgreSQL database (with the PostgreSQL provider), else null.</summary>
    public string? PostgreSqlConnectionString => _postgreSql?.ConnectionString;

    /// <summary>The hub's partner registry, in its own database, for registering partners and clients as interop-admin does.</summary>
    public IPartnerStore Registry { get; }

    /// <summary>
    /// An open connection to the hub's own database, for looking at what the hub stored (or, rarely, changing it
    /// behind its back). SQLite: unpooled (the file is deleted on dispose), waiting up to 30 s for the hub's write
    /// lock, and read-only when <paramref name="readOnly"/>. Dispose it.
    /// </summary>
    public async Task<DbConnection> OpenDatabaseAsync(bool readOnly = false)
    {
        DbConnection connection = _postgreSql is { } postgreSql
            ? new NpgsqlConnection(postgreSql.ConnectionString)
            : new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = DatabasePath,
                Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWrite,
                Pooling = false,
                DefaultTimeout = 30,
            }.ToString());
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>The hub's processing log, read through the library as `interop-admin log verify` does. Dispose it.</summary>
    public IProcessingLog OpenProcessingLog() => _postgreSql is { } postgreSql
        ? new PostgreSqlProcessingLog(postgreSql.ConnectionString)
        : new SqliteProcessingLog(DatabasePath);

    /// <summary>What the hub printed so far, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the hub on SQLite (its default).</summary>
    public static Task<HubProcess> StartAsync(params string[] extraSettings) => StartAsync(StorageProvider.Sqlite, extraSettings);

    /// <summary>
    /// Starts the hub on <paramref name="provider"/>: SQLite in a temp folder, or a fresh database on the test run's
    /// shared PostgreSQL cluster (started on first use). The ports are free when chosen, but a test running in
    /// parallel can take one before the hub binds it: then the hub is started again on other ports (at most three
    /// tries), as the test PostgreSQL and Redis servers do.
    /// </summary>
    public static async Task<HubProcess> StartAsync(StorageProvider provider, params string[] extraSettings)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnceAsync(provider, extraSettings);
            }
            catch (InvalidOperationException ex) when (attempt < 3 && ex.Message.Contains("address already in use", StringComparison.Ordinal))
            {
            }
        }
    }

    private static async Task<HubProcess> StartOnceAsync(StorageProvider provider, string[] extraSettings)
    {
        PostgreSqlDatabase? postgreSql = null;
        if (provider == StorageProvider.PostgreSql)
        {
            postgreSql = await SharedPostgreSql.CreateDatabaseAsync();
            extraSettings = ["--Interop:Storage:Provider=PostgreSql", $"--Interop:Storage:ConnectionString={postgreSql.ConnectionString}", .. extraSettings];
        }

        var dll = HubDll();
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"The hub is not built at {dll}; build Interop.sln first.");
        }

        var directory = Directory.CreateTempSubdirectory("interop-hub-test-").FullName;
        var (grpcPort, oauthPort) = (FreePort(), FreePort());
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            dll,
            $"--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:{grpcPort}",
            $"--Kestrel:Endpoints:OAuth:Url=http://127.0.0.1:{oauthPort}",
            $"--Interop:TokenService:Issuer=http://127.0.0.1:{oauthPort}",
            $"--Interop:Federation:DatabasePath={Path.Combine(directory, "hub.db")}",
            $"--Interop:Privacy:DevelopmentKeyDirectory={directory}",
            // Test hubs start with an empty registry; demo tests switch the seed on with an extra setting.
            "--Interop:Demo:SeedWhenEmpty=false",
            $"--Interop:ProcessingLog:Anchors:File={Path.Combine(directory, "anchors.txt")}",
        }.Concat(extraSettings))
        {
            start.ArgumentList.Add(argument);
        }

        var output = new StringBuilder();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        DataReceivedEventHandler collect = (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(e.Data);
            }

            if (e.Data.Contains("Application started", StringComparison.Ordinal))
            {
                started.TrySetResult();
            }
        };
        process.OutputDataReceived += collect;
        process.ErrorDataReceived += collect;
        process.Exited += (_, _) => started.TrySetException(new InvalidOperationException("The hub exited during start-up."));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var hub = new HubProcess(process, output, directory, grpcPort, oauthPort, postgreSql);
        try
        {
            await started.Task.WaitAsync(StartTimeout);
        }
        catch (Exception ex)
        {
            await hub.DisposeAsync();
            throw new InvalidOperationException("The hub did not start:\n" + hub.Output, ex);
        }

        return hub;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        // Also when it exited by itself (a failed start): WaitForExitAsync returns once the redirected output is read
        // to its end, so Output holds everything the hub printed, including why it stopped.
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        _process.Dispose();
        (Registry as IDisposable)?.Dispose();
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        if (_postgreSql is not null)
        {
            await _postgreSql.DisposeAsync();
            _postgreSql = null;
        }
    }

    /// <summary>A loopback port nothing listens on right now.</summary>
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The built hub program these tests start.</summary>
    internal static string HubDll()
    {
        var metadata = typeof(HubProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().ToDictionary(a => a.Key, a => a.Value);
        return Path.Combine(metadata["RepoRoot"]!, "src", "Interop.Hub", "bin", metadata["Configuration"]!, "net10.0", "Interop.Hub.dll");
    }
}
