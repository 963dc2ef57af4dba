using Interop.Grpc.Interop.Tests.Infrastructure;

namespace Interop.Grpc.Interop.Tests;

/// <summary>Our interop client against grpc-js's interop server over TLS with a throwaway certificate.</summary>
public sealed class NodeTlsServerTests(NodeTlsServerFixture server) : IClassFixture<NodeTlsServerFixture>
{
    [Theory]
    [MemberData(nameof(InteropCases.TlsForNodeServer), MemberType = typeof(InteropCases))]
    public Task OurClient_NodeTlsServer_Passes(string testCase) => server.AssertClientPassesAsync(PeerKind.Ours, testCase);
}
