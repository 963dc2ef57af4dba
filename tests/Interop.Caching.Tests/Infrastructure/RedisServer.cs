using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Interop.Caching.Tests.Infrastructure;

/// <summary>
/// A real redis-server started by the test itself on 127.0.0.1 and a free port, without persistence, in a temp dir.
/// A missing redis-server fails the test with install advice: these tests never pass because Redis was absent.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);

    private readonly Process _process;
    private readonly string _directory;

    private RedisServer(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        Port = port;
    }

    /// <summary>The loopback port the server listens on.</summary>
    public int Port { get; }

    /// <summary>StackExchange.Redis configuration string for this server.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    /// <summary>Starts a server on <paramref name="port"/> (default: a free one) and waits until it answers PING.</summary>
    public static async Task<RedisServer> StartAsync(int? port = null)
    {
        var executable = FindExecutable();
        Exception? last = null;
        // A free port can be taken between probing and binding; try a few.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var chosen = port ?? FreePort();
            var directory = Directory.CreateTempSubdirectory("interop-redis-").FullName;
            var process = Start(executable, chosen, directory);
            try
            {
                await WaitForPingAsync(process, chosen);
                return new RedisServer(process, directory, chosen);
            }
            catch (Exception ex)
            {
                last = ex;
                Stop(process, directory);
            }
        }

        throw new InvalidOperationException("redis-server did not start.", last);
    }

    /// <summary>Kills the server (an outage, as far as clients can tell).</summary>
    public void Kill() => Stop(_process, _directory);

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Kill();
        return ValueTask.CompletedTask;
    }

    /// <summary>A port nothing listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindExecutable()
    {
        var candidates = new[] { Environment.GetEnvironmentVariable("REDIS_SERVER"), "/usr/bin/redis-server", "/usr/local/bin/redis-server" }
            .Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, "redis-server")));
        return candidates.FirstOrDefault(c => !string.IsNullOrEmpty(c) && File.Exists(c))
            ?? throw new InvalidOperationException(
                "redis-server is not installed, and the Redis tests need a real one. Install it with " +
                "'sudo apt-get install -y redis-server' (Debian/Ubuntu) or run tests/Interop.Caching.Tests/test.sh, " +
                "which installs it; or point REDIS_SERVER at the executable.");
    }

    private static Process Start(string executable, int port, string directory)
    {
        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        foreach (var arg in new[]
        {
            "--port", port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
            "--dir", directory, "--daemonize", "no", "--logfile", "",
        })
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start redis-server.");
        // Drain the output so the server never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitForPingAsync(Process process, int port)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"redis-server exited with code {process.ExitCode} on port {port}.");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port).WaitAsync(TimeSpan.FromSeconds(2));
                var stream = client.GetStream();
                await stream.WriteAsync("PING\r\n"u8.ToArray()).AsTask().WaitAsync(TimeSpan.FromSeconds(2));
                var buffer = new byte[64];
                var read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(2));
                if (Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal))
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is SocketException or IOException or TimeoutException)
            {
                // Not listening yet.
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"redis-server on port {port} did not answer PING within {StartTimeout}.");
    }

    private static void Stop(Process process, string directory)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        process.Dispose();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp dir.
        }
    }
}
