namespace Interop.Grpc.Interop.Tests.Infrastructure;

/// <summary>The command lines of every interop server and client; all take the flags of interop-test-descriptions.md.</summary>
internal static class PeerCommands
{
    /// <summary>A server on a free port (port 0: it prints the port it bound).</summary>
    public static async Task<PeerProcess> StartServerAsync(PeerKind kind, TlsFiles? tls)
    {
        await Prerequisites.EnsureAsync(kind);
        List<string> flags = ["--port=0", $"--use_tls={(tls is null ? "false" : "true")}"];
        switch (kind)
        {
            case PeerKind.Ours:
                if (tls is not null)
                {
                    // Our server makes its certificate in memory and writes only the public part for the peers.
                    flags.Add($"--tls_cert_out={tls.CertificatePath}");
                }

                return PeerProcess.Start("dotnet", [Paths.OurServerDll, .. flags], Paths.RepoRoot);
            case PeerKind.Python:
                tls?.WriteSelfSigned();
                var stubs = await Prerequisites.EnsurePythonAsync();
                return PeerProcess.Start(Paths.Python, ["interop_server.py", .. flags, .. TlsKeyFlags(tls), $"--stubs_dir={stubs}", $"--protos_dir={Paths.Protos}"], Paths.PythonPeers);
            default:
                tls?.WriteSelfSigned();
                return PeerProcess.Start(Paths.Node, ["interop_server.js", .. flags, .. TlsKeyFlags(tls), $"--protos_dir={Paths.Protos}"], Paths.NodePeers);
        }
    }

    /// <summary>
    /// Starts a client for one test case. Over TLS, <paramref name="caFile"/> is the server certificate to trust; null
    /// leaves the platform's roots, which do not include the test certificate.
    /// </summary>
    public static async Task<PeerProcess> StartClientAsync(PeerKind kind, int port, string testCase, bool useTls, string? caFile)
    {
        await Prerequisites.EnsureAsync(kind);
        List<string> flags = ["--server_host=127.0.0.1", $"--server_port={port}", $"--test_case={testCase}"];
        if (useTls)
        {
            // The certificate names localhost and 127.0.0.1; the override exercises SNI/:authority handling.
            flags.AddRange(["--use_tls=true", "--server_host_override=localhost"]);
        }

        if (caFile is not null)
        {
            flags.AddRange(["--use_test_ca=true", $"--tls_ca_file={caFile}"]);
        }

        return kind switch
        {
            PeerKind.Ours => PeerProcess.Start("dotnet", [Paths.OurClientDll, .. flags], Paths.RepoRoot),
            PeerKind.Python => PeerProcess.Start(Paths.Python, ["interop_client.py", .. flags, $"--stubs_dir={await Prerequisites.EnsurePythonAsync()}", $"--protos_dir={Paths.Protos}"], Paths.PythonPeers),
            _ => PeerProcess.Start(Paths.Node, ["interop_client.js", .. flags, $"--protos_dir={Paths.Protos}"], Paths.NodePeers),
        };
    }

    private static IEnumerable<string> TlsKeyFlags(TlsFiles? tls) =>
        tls is null ? [] : [$"--tls_cert_file={tls.CertificatePath}", $"--tls_key_file={tls.KeyPath}"];
}
