using System.Diagnostics;
using System.Text.Json;
using Interop.Grpc.AspNetCore.Tests.Functional.Infrastructure;

namespace Interop.Grpc.AspNetCore.Tests.Functional;

/// <summary>
/// Wire compatibility with a real peer: Debian's grpcio (gRPC C-core) calls the server. Fails (never skips) when
/// /usr/bin/python3 or its grpcio module is missing.
/// </summary>
public class PythonPeerTests
{
    private const string Python = "/usr/bin/python3";

    [Fact]
    public async Task GrpcioClient_AllCallKinds_Interoperate()
    {
        Assert.True(File.Exists(Python), $"{Python} with grpcio is required (apt-get install python3-grpcio).");
        await using var server = await GrpcTestServer.StartAsync();
        var script = Path.Combine(AppContext.BaseDirectory, "Functional", "Peers", "python_client.py");
        var start = new ProcessStartInfo(Python, [script, $"127.0.0.1:{server.Address.Port}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(process.ExitCode == 0, await stderr);

        using var json = JsonDocument.Parse(await stdout);
        var root = json.RootElement;
        Assert.Equal("OK", root.GetProperty("echo").GetProperty("code").GetString());
        Assert.Equal("hello", root.GetProperty("echo").GetProperty("value").GetString());
        Assert.Equal("OK", root.GetProperty("echo_gzip").GetProperty("code").GetString());
        Assert.Equal("NOT_FOUND", root.GetProperty("status").GetProperty("code").GetString());
        Assert.Equal("n\u00e9t gevonden\n100%", root.GetProperty("status").GetProperty("details").GetString());
        Assert.Equal("UNIMPLEMENTED", root.GetProperty("unknown_method").GetProperty("code").GetString());
        Assert.Equal("DEADLINE_EXCEEDED", root.GetProperty("deadline").GetString());
        Assert.Equal(["a", "b", "c"], root.GetProperty("split").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["echo:x", "echo:y"], root.GetProperty("chat").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("abc", root.GetProperty("metadata").GetProperty("text").GetString());
        Assert.Equal([0, 1, 255], root.GetProperty("metadata").GetProperty("bin").EnumerateArray().Select(e => e.GetInt32()));
    }
}
