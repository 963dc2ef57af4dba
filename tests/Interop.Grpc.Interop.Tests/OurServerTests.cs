using Interop.Grpc.Interop.Tests.Infrastructure;

namespace Interop.Grpc.Interop.Tests;

/// <summary>Python, Node and our own interop clients against our interop server over h2c.</summary>
public sealed class OurServerTests(OurServerFixture server) : IClassFixture<OurServerFixture>
{
    [Theory]
    [MemberData(nameof(InteropCases.All), MemberType = typeof(InteropCases))]
    public Task PythonClient_OurServer_Passes(string testCase) => server.AssertClientPassesAsync(PeerKind.Python, testCase);

    [Theory]
    [MemberData(nameof(InteropCases.All), MemberType = typeof(InteropCases))]
    public Task NodeClient_OurServer_Passes(string testCase) => server.AssertClientPassesAsync(PeerKind.Node, testCase);

    [Theory]
    [MemberData(nameof(InteropCases.All), MemberType = typeof(InteropCases))]
    public Task OurClient_OurServer_Passes(string testCase) => server.AssertClientPassesAsync(PeerKind.Ours, testCase);
}
