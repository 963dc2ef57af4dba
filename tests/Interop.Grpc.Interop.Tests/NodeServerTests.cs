using Interop.Grpc.Interop.Tests.Infrastructure;

namespace Interop.Grpc.Interop.Tests;

/// <summary>Our interop client against grpc-js's interop server over h2c.</summary>
public sealed class NodeServerTests(NodeServerFixture server) : IClassFixture<NodeServerFixture>
{
    [Theory]
    [MemberData(nameof(InteropCases.ForNodeServer), MemberType = typeof(InteropCases))]
    public Task OurClient_NodeServer_Passes(string testCase) => server.AssertClientPassesAsync(PeerKind.Ours, testCase);
}
