namespace Interop.Grpc.Interop.Tests.Infrastructure;

/// <summary>The grpcio interop server over h2c.</summary>
public sealed class PythonServerFixture() : InteropServerFixture(PeerKind.Python, useTls: false);
