using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Interop.Testing.PostgreSql.Internal;
using Npgsql;
using Xunit;

namespace Interop.Testing.PostgreSql;

/// <summary>
/// A throwaway PostgreSQL cluster, meant as an xunit collection fixture so it starts once per test run: initdb in a
/// temp folder, the server on 127.0.0.1 and a free port with fsync off, trust authentication for the superuser
/// "postgres". When the tests run as root the server programs run as the "postgres" OS user (initdb and postgres
/// refuse root) and the temp folder is handed to that user. A missing PostgreSQL fails with install advice: tests
/// that need it never pass or skip because it was absent. Hands out fresh databases with
/// <see cref="CreateDatabaseAsync"/>.
/// </summary>
public sealed class PostgreSqlCluster : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    private readonly ConcurrentQueue<string> _serverOutput = new();
    private readonly bool _durable;
    private PostgreSqlInstallation? _installation;
    private string? _directory;
    private Process? _server;

    /// <summary>A cluster for tests: fsync, synchronous commit and full page writes off (throwaway data).</summary>
    public PostgreSqlCluster()
        : this(durable: false)
    {
    }

    // xunit wants one public constructor on a fixture; the durable kind comes from Durable().
    private PostgreSqlCluster(bool durable)
    {
        _durable = durable;
    }

    /// <summary>
    /// A cluster with PostgreSQL's durable defaults: fsync, synchronous commit and full page writes on, as in production
    /// (for benchmarks; not started yet).
    /// </summary>
    public static PostgreSqlCluster Durable() => new(durable: true);

    /// <summary>The loopback port the server listens on (once started).</summary>
    public int Port { get; private set; }

    /// <summary>A connection string for the superuser to <paramref name="database"/> on this cluster.</summary>
    public string ConnectionString(string database = "postgres") => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = database,
        IncludeErrorDetail = true,
    }.ConnectionString;

    /// <summary>Creates the cluster and starts the server; waits until it accepts connections.</summary>
    public async Task InitializeAsync()
    {
        _installation = PostgreSqlInstallation.Find();
        var asUser = _installation.RunAsServiceUser ? PostgreSqlInstallation.ServiceUser : null;

        if (asUser is null)
        {
            _directory = Directory.CreateTempSubdirectory("interop-pg-").FullName;
        }
        else
        {
            // As root: under /tmp rather than TMPDIR, which may lie under /root where the service user cannot reach,
            // and handed to that user (initdb creates the data folder inside it; the server puts its socket there).
            _directory = Path.Combine("/tmp", "interop-pg-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(_directory);
            await ProcessRunner.RunAsync(ProcessRunner.StartInfo("chown", [$"{asUser}:{asUser}", _directory], "/", null), CommandTimeout);
        }

        // --no-sync and the C locale keep initdb fast; trust is safe because only loopback is listened on.
        await ProcessRunner.RunAsync(
            ProcessRunner.StartInfo(
                _installation.InitDb,
                ["-D", DataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions"],
                _directory,
                asUser),
            CommandTimeout);

        Exception? last = null;
        // A free port can be taken between probing and binding; try a few.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            Port = FreePort();
            _server = StartServer(asUser);
            try
            {
                await WaitUntilReadyAsync();
                return;
            }
            catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
            {
                last = ex;
                await StopServerAsync();
            }
        }

        throw new InvalidOperationException("PostgreSQL did not start: " + string.Join(Environment.NewLine, _serverOutput), last);
    }

    /// <summary>A new, empty database with a random name, dropped when the result is disposed.</summary>
    public async Task<PostgreSqlDatabase> CreateDatabaseAsync(CancellationToken cancellationToken = default)
    {
        // Identifiers cannot be parameters; the name is ours (lowercase hex) and quoted besides.
        var name = "interop_test_" + Guid.NewGuid().ToString("N");
        await ExecuteAdminAsync($"CREATE DATABASE \"{name}\"", cancellationToken);
        return new PostgreSqlDatabase(this, name);
    }

    /// <summary>Stops the server at once (immediate shutdown: the data is thrown away) and deletes its folder.</summary>
    public async Task DisposeAsync()
    {
        await StopServerAsync();
        if (_directory is not null)
        {
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a temp folder.
            }
        }
    }

    internal async Task ExecuteAdminAsync(string sql, CancellationToken cancellationToken)
    {
        // No pooling: admin connections are few, and a pooled one would linger after the cluster stops.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString()) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private string DataDirectory => Path.Combine(_directory!, "data");

    private Process StartServer(string? asUser)
    {
        var info = ProcessRunner.StartInfo(
            _installation!.Postgres,
            [
                "-D", DataDirectory, "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "-c", "listen_addresses=127.0.0.1",
                // The socket goes into our own folder: /var/run/postgresql may not be writable by the test user.
                "-c", "unix_socket_directories=" + _directory,
                .. _durable ? Array.Empty<string>() : [
                    // Throwaway data: durability only costs time.
                    "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
                ],
            ],
            _directory!,
            asUser);
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start postgres.");
        // Drain the output so the server never blocks on a full pipe; keep the tail for a start failure message.
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _serverOutput.Enqueue(line);
            while (_serverOutput.Count > 50 && _serverOutput.TryDequeue(out _))
            {
            }
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (_server!.HasExited)
            {
                throw new InvalidOperationException($"postgres exited with code {_server.ExitCode} on port {Port}.");
            }

            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await ExecuteAdminAsync("SELECT 1", timeout.Token);
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or SocketException or OperationCanceledException)
            {
                // Not accepting connections yet ("the database system is starting up", or not listening).
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"PostgreSQL on port {Port} did not accept connections within {StartTimeout}.");
    }

    private async Task StopServerAsync()
    {
        if (_server is null)
        {
            return;
        }

        try
        {
            if (!_server.HasExited)
            {
                // pg_ctl signals the postmaster (SIGQUIT for immediate) and waits until it and every backend are gone,
                // so the folder can be deleted safely afterwards.
                var asUser = _installation!.RunAsServiceUser ? PostgreSqlInstallation.ServiceUser : null;
                try
                {
                    await ProcessRunner.RunAsync(
                        ProcessRunner.StartInfo(_installation.PgCtl, ["stop", "-D", DataDirectory, "-m", "immediate", "-w", "-t", "10"], _directory!, asUser),
                        TimeSpan.FromSeconds(15));
                }
                catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
                {
                    _server.Kill(entireProcessTree: true);
                }

                _server.WaitForExit(10_000);
            }
        }
        finally
        {
            _server.Dispose();
            _server = null;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
