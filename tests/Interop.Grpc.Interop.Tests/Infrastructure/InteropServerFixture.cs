namespace Interop.Grpc.Interop.Tests.Infrastructure;

/// <summary>
/// One interop server process shared by every test of a class (xunit class fixture), so a suite of cases costs one
/// start-up. Subclasses choose the implementation and h2c or TLS.
/// </summary>
public abstract class InteropServerFixture(PeerKind kind, bool useTls) : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ClientTimeout = TimeSpan.FromSeconds(90);
    private readonly TlsFiles? _tls = useTls ? new TlsFiles() : null;
    private PeerProcess? _server;
    private Exception? _startFailure;
    private int _port;

    /// <summary>The server's implementation.</summary>
    public PeerKind Kind => kind;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        try
        {
            _server = await PeerCommands.StartServerAsync(kind, _tls);
            _port = await _server.WaitForPortAsync(StartTimeout);
        }
        catch (Exception e)
        {
            // Reported by every test of the class, with install advice where a peer is missing.
            _startFailure = e;
        }
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _tls?.Dispose();
    }

    /// <summary>The port the server listens on; throws why the server did not start.</summary>
    public int Port => _startFailure is null ? _port : throw new InvalidOperationException($"The {kind} interop server did not start: {_startFailure.Message}", _startFailure);

    /// <summary>The server's output so far.</summary>
    public string ServerOutput => _server?.Output ?? "(not started)";

    /// <summary>Runs <paramref name="client"/>'s interop client for <paramref name="testCase"/> and asserts exit code 0.</summary>
    public async Task AssertClientPassesAsync(PeerKind client, string testCase)
    {
        var port = Port;
        await using var process = await PeerCommands.StartClientAsync(client, port, testCase, useTls, _tls?.CertificatePath);
        var exitCode = await process.WaitForExitAsync(ClientTimeout);
        if (exitCode != 0)
        {
            Assert.Fail(
                $"{client} client -> {kind} server ({(useTls ? "TLS" : "h2c")}), case {testCase}: " +
                $"{(exitCode is null ? $"no exit within {ClientTimeout.TotalSeconds} s (killed)" : $"exit code {exitCode}")}.{Environment.NewLine}" +
                $"--- client: {process.Description}{Environment.NewLine}{process.Output}" +
                $"--- server output so far:{Environment.NewLine}{ServerOutput}");
        }
    }

    /// <summary>
    /// Runs <paramref name="client"/>'s interop client over TLS without trusting the server's self-signed certificate
    /// and asserts that it fails: clients must not disable certificate checking (interop-test-descriptions.md).
    /// </summary>
    public async Task AssertClientRejectsUntrustedCertificateAsync(PeerKind client)
    {
        Assert.True(useTls, "This server fixture does not use TLS.");
        var port = Port;
        await using var process = await PeerCommands.StartClientAsync(client, port, "empty_unary", useTls: true, caFile: null);
        var exitCode = await process.WaitForExitAsync(ClientTimeout);
        Assert.True(
            exitCode is not null and not 0,
            $"{client} client -> {kind} TLS server without trusting its certificate: expected a failed handshake, got " +
            $"{(exitCode is null ? "no exit (killed)" : $"exit code {exitCode}")}.{Environment.NewLine}{process.Output}");
    }

    /// <summary>Runs a helper script of a peer against this server and asserts exit code 0.</summary>
    public async Task AssertScriptPassesAsync(PeerKind peer, string script, params string[] arguments)
    {
        var port = Port;
        await Prerequisites.EnsureAsync(peer);
        List<string> flags = [script, $"--server_port={port}", $"--protos_dir={Paths.Protos}", .. arguments];
        if (peer == PeerKind.Python)
        {
            flags.Add($"--stubs_dir={await Prerequisites.EnsurePythonAsync()}");
        }

        var (exitCode, output) = await Prerequisites.RunAsync(
            peer == PeerKind.Python ? Paths.Python : Paths.Node,
            flags,
            peer == PeerKind.Python ? Paths.PythonPeers : Paths.NodePeers,
            ClientTimeout);
        Assert.True(exitCode == 0, $"{peer} {script} -> {kind} server: exit {exitCode?.ToString() ?? "timeout"}.{Environment.NewLine}{output}--- server output:{Environment.NewLine}{ServerOutput}");
    }
}
