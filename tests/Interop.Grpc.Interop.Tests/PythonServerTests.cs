using Interop.Grpc.Interop.Tests.Infrastructure;

namespace Interop.Grpc.Interop.Tests;

/// <summary>Our interop client against grpcio's (gRPC C-core) interop server over h2c.</summary>
public sealed class PythonServerTests(PythonServerFixture server) : IClassFixture<PythonServerFixture>
{
    [Theory]
    [MemberData(nameof(InteropCases.All), MemberType = typeof(InteropCases))]
    public Task OurClient_PythonServer_Passes(string testCase) => server.AssertClientPassesAsync(PeerKind.Ours, testCase);
}
