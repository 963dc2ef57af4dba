using System.Diagnostics;
using System.Reflection;

namespace Interop.Grpc.Benchmarks;

/// <summary>
/// The benchmark servers in a child process (this program's <c>server</c> command), so that the client's work and
/// garbage stay out of the server's process. The child runs until its stdin closes.
/// </summary>
internal sealed class ServerProcess : IDisposable
{
    private const string ReadyPrefix = "grpc=";
    private readonly Process _process;

    private ServerProcess(Process process, Uri grpcAddress)
    {
        _process = process;
        GrpcAddress = grpcAddress;
    }

    public Uri GrpcAddress { get; }

    public static async Task<ServerProcess> StartAsync()
    {
        var self = Environment.ProcessPath ?? throw new BenchmarkFailedException("Cannot find this program's executable.");
        var start = new ProcessStartInfo(self)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };

        // Run as "dotnet Interop.Grpc.Benchmarks.dll": the child needs the assembly path too.
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }

        start.ArgumentList.Add("server");
        var process = Process.Start(start) ?? throw new BenchmarkFailedException("Could not start the server process.");
        var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60)).ConfigureAwait(false);
        if (line is null || !line.StartsWith(ReadyPrefix, StringComparison.Ordinal))
        {
            process.Kill();
            throw new BenchmarkFailedException($"The server process did not report its address (got '{line}').");
        }

        return new ServerProcess(process, new Uri(line.Split(' ')[0][ReadyPrefix.Length..]));
    }

    /// <summary>The child's side: start the servers, report the addresses on stdout, stop when stdin closes.</summary>
    public static async Task<int> RunChildAsync()
    {
        await using var servers = await BenchmarkServers.StartAsync().ConfigureAwait(false);
        Console.Out.WriteLine($"{ReadyPrefix}{servers.GrpcAddress} echo={servers.EchoAddress}");
        Console.Out.Flush();
        while (await Console.In.ReadLineAsync().ConfigureAwait(false) is not null)
        {
        }

        return 0;
    }

    public void Dispose()
    {
        _process.StandardInput.Close();
        if (!_process.WaitForExit(TimeSpan.FromSeconds(10)))
        {
            _process.Kill();
        }

        _process.Dispose();
    }
}
