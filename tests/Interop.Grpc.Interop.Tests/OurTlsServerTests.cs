using Interop.Grpc.Interop.Tests.Infrastructure;

namespace Interop.Grpc.Interop.Tests;

/// <summary>Python, Node and our own interop clients against our interop server over TLS, trusting the certificate it generated.</summary>
public sealed class OurTlsServerTests(OurTlsServerFixture server) : IClassFixture<OurTlsServerFixture>
{
    [Theory]
    [MemberData(nameof(InteropCases.Tls), MemberType = typeof(InteropCases))]
    public Task PythonClient_OurTlsServer_Passes(string testCase) => server.AssertClientPassesAsync(PeerKind.Python, testCase);

    [Theory]
    [MemberData(nameof(InteropCases.Tls), MemberType = typeof(InteropCases))]
    public Task NodeClient_OurTlsServer_Passes(string testCase) => server.AssertClientPassesAsync(PeerKind.Node, testCase);

    [Theory]
    [MemberData(nameof(InteropCases.Tls), MemberType = typeof(InteropCases))]
    public Task OurClient_OurTlsServer_Passes(string testCase) => server.AssertClientPassesAsync(PeerKind.Ours, testCase);
}
