namespace Interop.Grpc.Interop.Tests.Infrastructure;

/// <summary>Our interop server over TLS (certificate made in memory at start-up).</summary>
public sealed class OurTlsServerFixture() : InteropServerFixture(PeerKind.Ours, useTls: true);
