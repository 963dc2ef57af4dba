namespace Interop.Grpc.Interop.Tests.Infrastructure;

/// <summary>The grpcio interop server over TLS (throwaway certificate made by the test).</summary>
public sealed class PythonTlsServerFixture() : InteropServerFixture(PeerKind.Python, useTls: true);
