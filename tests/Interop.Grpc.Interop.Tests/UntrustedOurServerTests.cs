using Interop.Grpc.Interop.Tests.Infrastructure;

namespace Interop.Grpc.Interop.Tests;

/// <summary>
/// Every client refuses our TLS server when it has no reason to trust its certificate, so the TLS passes elsewhere
/// prove real certificate checking rather than checking switched off.
/// </summary>
public sealed class UntrustedOurServerTests(OurTlsServerFixture server) : IClassFixture<OurTlsServerFixture>
{
    [Theory]
    [InlineData(PeerKind.Ours)]
    [InlineData(PeerKind.Python)]
    [InlineData(PeerKind.Node)]
    public Task Client_UntrustedOurServer_FailsHandshake(PeerKind client) => server.AssertClientRejectsUntrustedCertificateAsync(client);
}
