using Interop.Grpc.Interop.Tests.Infrastructure;

namespace Interop.Grpc.Interop.Tests;

/// <summary>Our client refuses the peers' TLS servers when it has no reason to trust their throwaway certificates.</summary>
public sealed class UntrustedPeerServersTests(PythonTlsServerFixture python, NodeTlsServerFixture node)
    : IClassFixture<PythonTlsServerFixture>, IClassFixture<NodeTlsServerFixture>
{
    [Fact]
    public Task OurClient_UntrustedPythonServer_FailsHandshake() => python.AssertClientRejectsUntrustedCertificateAsync(PeerKind.Ours);

    [Fact]
    public Task OurClient_UntrustedNodeServer_FailsHandshake() => node.AssertClientRejectsUntrustedCertificateAsync(PeerKind.Ours);
}
