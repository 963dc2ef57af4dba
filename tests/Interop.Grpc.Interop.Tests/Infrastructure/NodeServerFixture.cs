namespace Interop.Grpc.Interop.Tests.Infrastructure;

/// <summary>The grpc-js interop server over h2c.</summary>
public sealed class NodeServerFixture() : InteropServerFixture(PeerKind.Node, useTls: false);
