using Google.Protobuf.Reflection;

namespace Interop.Grpc.Tools.Tests.Fakes;

/// <summary>A server call context with fixed values.</summary>
public sealed class FakeServerCallContext : ServerCallContext
{
    public override string Method => "/fake/Method";

    public override MethodDescriptor? MethodDescriptor => null;

    public override string Host => "localhost";

    public override string Peer => "ipv4:127.0.0.1:1";

    public override DateTime Deadline => DateTime.MaxValue;

    public override Metadata RequestHeaders { get; } = new();

    public override CancellationToken CancellationToken => CancellationToken.None;

    public override Metadata ResponseTrailers { get; } = new();

    public override Status Status { get; set; }

    public override WriteOptions? WriteOptions { get; set; }

    public override Task WriteResponseHeadersAsync(Metadata responseHeaders) => Task.CompletedTask;
}
