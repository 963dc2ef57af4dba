using Interop.Grpc.Interop.Tests.Infrastructure;

namespace Interop.Grpc.Interop.Tests;

/// <summary>Our interop client against grpcio's interop server over TLS with a throwaway certificate.</summary>
public sealed class PythonTlsServerTests(PythonTlsServerFixture server) : IClassFixture<PythonTlsServerFixture>
{
    [Theory]
    [MemberData(nameof(InteropCases.Tls), MemberType = typeof(InteropCases))]
    public Task OurClient_PythonTlsServer_Passes(string testCase) => server.AssertClientPassesAsync(PeerKind.Ours, testCase);
}
