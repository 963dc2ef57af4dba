using System.Buffers;
using Interop.Federation.Grpc.Tests.Infrastructure;
using Interop.Federation.Grpc.Tests.Protos;
using Interop.Grpc;
using static Interop.Federation.Grpc.Tests.Functional.Calls;

namespace Interop.Federation.Grpc.Tests.Functional;

/// <summary>
/// The authorization runs before the request is read: a caller without a valid token is refused UNAUTHENTICATED
/// whatever it sends, so it cannot make the hub read and parse up to 4 MiB per call, and it learns nothing from the
/// hub's message checks. An authenticated caller meets those checks as usual.
/// </summary>
public sealed class RefusedBeforeReadTests : IAsyncLifetime
{
    private static readonly Method<byte[], byte[]> RawRead = new(
        MethodType.Unary, Referrals.Descriptor.FullName, "Read", new BytesMarshaller(), new BytesMarshaller());

    private AuthzServer _server = null!;

    public async Task InitializeAsync() => _server = await AuthzServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("none")]
    [InlineData("garbage")]
    public async Task Unauthenticated_WithAnOversizedRequest_RefusedUnauthenticated_NotResourceExhausted(string credential)
    {
        var ex = await CallAsync(new byte[5 * 1024 * 1024], credential == "none" ? null : Authorization("Bearer not-a-token"));

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
    }

    [Fact]
    public async Task Unauthenticated_WithAnUnparsableRequest_RefusedUnauthenticated_NotInternal()
    {
        var ex = await CallAsync([0xFF, 0xFF, 0xFF, 0xFF], headers: null);

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
    }

    [Fact]
    public async Task Authenticated_TheSameRequests_MeetTheMessageChecks()
    {
        var token = Bearer(await _server.GemeenteTokenAsync());

        Assert.Equal(StatusCode.ResourceExhausted, (await CallAsync(new byte[5 * 1024 * 1024], token)).StatusCode);
        Assert.Equal(StatusCode.Internal, (await CallAsync([0xFF, 0xFF, 0xFF, 0xFF], token)).StatusCode);
    }

    private Task<RpcException> CallAsync(byte[] body, Metadata? headers) =>
        Assert.ThrowsAsync<RpcException>(() => _server.Channel.CreateCallInvoker()
            .AsyncUnaryCall(RawRead, null, new CallOptions(headers), body).ResponseAsync.WaitAsync(CallTimeout));

    /// <summary>Sends and receives message bytes as they are: a request the server's own parser must judge.</summary>
    private sealed class BytesMarshaller : Marshaller<byte[]>
    {
        public override int GetSize(byte[] message) => message.Length;

        public override void Serialize(byte[] message, Span<byte> destination) => message.CopyTo(destination);

        public override byte[] Deserialize(ReadOnlySequence<byte> data) => data.ToArray();
    }
}
