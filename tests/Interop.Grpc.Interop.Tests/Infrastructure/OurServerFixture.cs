namespace Interop.Grpc.Interop.Tests.Infrastructure;

/// <summary>Our interop server over h2c.</summary>
public sealed class OurServerFixture() : InteropServerFixture(PeerKind.Ours, useTls: false);
