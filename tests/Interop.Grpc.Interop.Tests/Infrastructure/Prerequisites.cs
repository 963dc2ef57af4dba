using System.Diagnostics;

namespace Interop.Grpc.Interop.Tests.Infrastructure;

/// <summary>
/// Makes sure each peer can run, and fails with install advice when it cannot: a missing peer is a failed test,
/// never a skipped or silently passing one. tests/run.sh installs all of it.
/// </summary>
internal static class Prerequisites
{
    private const string RunScriptAdvice = "tests/run.sh installs it.";
    private static readonly SemaphoreSlim NodeInstallLock = new(1, 1);
    private static readonly Lazy<Task<string>> PythonStubs = new(GeneratePythonStubsAsync);

    /// <summary>Checks python3-grpcio and protoc's Python plugin, then generates the stubs once per test run; returns their directory.</summary>
    public static Task<string> EnsurePythonAsync() => PythonStubs.Value;

    /// <summary>Runs <c>npm ci</c> in peers/node when node_modules is missing.</summary>
    public static async Task EnsureNodeAsync()
    {
        await NodeInstallLock.WaitAsync(TimeSpan.FromMinutes(3));
        try
        {
            if (File.Exists(Path.Combine(Paths.NodePeers, "node_modules", "@grpc", "grpc-js", "package.json")))
            {
                return;
            }

            var (exit, output) = await RunAsync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], Paths.NodePeers, TimeSpan.FromMinutes(3));
            if (exit != 0)
            {
                throw new InvalidOperationException(
                    $"The Node peers need @grpc/grpc-js and @grpc/proto-loader: `npm ci` in {Paths.NodePeers} failed (exit {exit?.ToString() ?? "timeout"}). " +
                    $"Install Node.js 20 and npm, then run `npm ci` there; {RunScriptAdvice}{Environment.NewLine}{output}");
            }
        }
        finally
        {
            NodeInstallLock.Release();
        }
    }

    /// <summary>Checks that this repository's interop programs were built.</summary>
    public static void EnsureOurs()
    {
        foreach (var dll in new[] { Paths.OurServerDll, Paths.OurClientDll })
        {
            if (!File.Exists(dll))
            {
                throw new InvalidOperationException($"{dll} is missing: build tests/Interop.Grpc.Interop.Tests (it builds the interop programs) in configuration {Paths.Configuration}.");
            }
        }
    }

    public static Task EnsureAsync(PeerKind kind) => kind switch
    {
        PeerKind.Python => EnsurePythonAsync(),
        PeerKind.Node => EnsureNodeAsync(),
        _ => Task.Run(EnsureOurs),
    };

    /// <summary>Runs a short command and returns its exit code (null on timeout) and output.</summary>
    public static async Task<(int? ExitCode, string Output)> RunAsync(string fileName, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout)
    {
        try
        {
            await using var process = PeerProcess.Start(fileName, arguments, workingDirectory);
            var exit = await process.WaitForExitAsync(timeout);
            return (exit, process.Output);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, $"{fileName} could not be started: {e.Message}");
        }
    }

    private static async Task<string> GeneratePythonStubsAsync()
    {
        var (grpcExit, grpcOutput) = await RunAsync(Paths.Python, ["-c", "import grpc, google.protobuf; print(grpc.__version__)"], Paths.PythonPeers, TimeSpan.FromSeconds(30));
        if (grpcExit != 0)
        {
            throw new InvalidOperationException(
                $"The Python peers need Debian's grpcio and protobuf in {Paths.Python}: apt-get install python3-grpcio python3-protobuf; {RunScriptAdvice}{Environment.NewLine}{grpcOutput}");
        }

        foreach (var tool in new[] { "/usr/bin/protoc", "/usr/bin/grpc_python_plugin" })
        {
            if (!File.Exists(tool))
            {
                throw new InvalidOperationException($"{tool} is missing: apt-get install protobuf-compiler protobuf-compiler-grpc; {RunScriptAdvice}");
            }
        }

        // Generated per test run into a temporary directory: stubs are never committed and never stale.
        var stubs = Directory.CreateTempSubdirectory("interop-python-stubs-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(stubs);
        string[] protos =
        [
            "grpc/testing/empty.proto", "grpc/testing/messages.proto", "grpc/testing/test.proto",
            "grpc/health/v1/health.proto", "grpc/reflection/v1/reflection.proto", "grpc/reflection/v1alpha/reflection.proto",
        ];
        var (exit, output) = await RunAsync(
            "/usr/bin/protoc",
            ["-I", Paths.Protos, $"--python_out={stubs}", $"--grpc_python_out={stubs}", "--plugin=protoc-gen-grpc_python=/usr/bin/grpc_python_plugin", .. protos],
            Paths.PythonPeers,
            TimeSpan.FromSeconds(60));
        if (exit != 0)
        {
            throw new InvalidOperationException($"protoc could not generate the Python stubs (exit {exit?.ToString() ?? "timeout"}).{Environment.NewLine}{output}");
        }

        return stubs;
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
