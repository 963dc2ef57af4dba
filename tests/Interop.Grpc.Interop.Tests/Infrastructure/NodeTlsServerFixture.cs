namespace Interop.Grpc.Interop.Tests.Infrastructure;

/// <summary>The grpc-js interop server over TLS (throwaway certificate made by the test).</summary>
public sealed class NodeTlsServerFixture() : InteropServerFixture(PeerKind.Node, useTls: true);
