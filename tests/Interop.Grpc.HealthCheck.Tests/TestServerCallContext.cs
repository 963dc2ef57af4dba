using Google.Protobuf.Reflection;

namespace Interop.Grpc.HealthCheck.Tests;

/// <summary>A server call context whose cancellation the test controls.</summary>
public sealed class TestServerCallContext(CancellationToken cancellationToken = default) : ServerCallContext
{
    public override string Method => "/grpc.health.v1.Health/Watch";

    public override MethodDescriptor? MethodDescriptor => null;

    public override string Host => "localhost";

    public override string Peer => "ipv4:127.0.0.1:1";

    public override DateTime Deadline => DateTime.MaxValue;

    public override Metadata RequestHeaders { get; } = new();

    public override CancellationToken CancellationToken => cancellationToken;

    public override Metadata ResponseTrailers { get; } = new();

    public override Status Status { get; set; }

    public override WriteOptions? WriteOptions { get; set; }

    public override Task WriteResponseHeadersAsync(Metadata responseHeaders) => Task.CompletedTask;
}
