using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;

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

    private HubProcess(Process process, StringBuilder output, string directory, int grpcPort, int oauthPort)
    {
        _process = process;
        _output = output;
        _directory = directory;
        GrpcAddress = $"http://127.0.0.1:{grpcPort}";
        OAuthAddress = $"http://127.0.0.1:{oauthPort}";
    }

    /// <summary>The gRPC endpoint (h2c).</summary>
    public string GrpcAddress { get; }

    /// <summary>The OAuth endpoint, also the token service's issuer.</summary>
    public string OAuthAddress { get; }

    /// <summary>The hub's SQLite database.</summary>
    public string DatabasePath => Path.Combine(_directory, "hub.db");

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

    public static async Task<HubProcess> StartAsync(params string[] extraSettings)
    {
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

        var hub = new HubProcess(process, output, directory, grpcPort, oauthPort);
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
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }

        _process.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>A loopback port nothing listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string HubDll()
    {
        var metadata = typeof(HubProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().ToDictionary(a => a.Key, a => a.Value);
        return Path.Combine(metadata["RepoRoot"]!, "src", "Interop.Hub", "bin", metadata["Configuration"]!, "net10.0", "Interop.Hub.dll");
    }
}
