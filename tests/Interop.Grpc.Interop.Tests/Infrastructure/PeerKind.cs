namespace Interop.Grpc.Interop.Tests.Infrastructure;

/// <summary>Which implementation plays a role: this repository's runtime, grpcio (gRPC C-core) or grpc-js.</summary>
public enum PeerKind
{
    /// <summary>tests/testassets/InteropTestsServer and InteropTestsClient on Interop.Grpc.</summary>
    Ours,

    /// <summary>peers/python on Debian's python3-grpcio.</summary>
    Python,

    /// <summary>peers/node on @grpc/grpc-js.</summary>
    Node,
}
