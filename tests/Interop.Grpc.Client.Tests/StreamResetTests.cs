using System.Net;
using Interop.Grpc.Client.Tests.TestInfrastructure;

namespace Interop.Grpc.Client.Tests;

/// <summary>A stream reset by the server maps its HTTP/2 error code to a status (PROTOCOL-HTTP2.md, Errors).</summary>
public class StreamResetTests
{
    [Theory]
    [InlineData(0x0, StatusCode.Internal)]
    [InlineData(0x2, StatusCode.Internal)]
    [InlineData(0x7, StatusCode.Unavailable)]
    [InlineData(0x8, StatusCode.Cancelled)]
    [InlineData(0xB, StatusCode.ResourceExhausted)]
    [InlineData(0xC, StatusCode.PermissionDenied)]
    public async Task ServerStreaming_ResetMidBody_MapsErrorCode(long errorCode, StatusCode expected)
    {
        var handler = FakeHandler.Returning(() =>
        {
            var response = FakeHandler.GrpcResponse([]);
            response.Content = new ResettingContent(Frames.Message("first"), errorCode);
            response.Content.Headers.TryAddWithoutValidation("Content-Type", "application/grpc");
            return response;
        });
        using var channel = TestChannel.Create(handler);

        using var call = channel.CreateCallInvoker().AsyncServerStreamingCall(TestMethods.ServerStreaming, null, new CallOptions(), "go");

        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(TestMethods.Timeout));
        var ex = await TestChannel.ThrowsRpcAsync(() => call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(expected, ex.StatusCode);
        Assert.IsType<HttpProtocolException>(ex.Status.DebugException);
    }

    /// <summary>A body that yields some bytes, then fails as SocketsHttpHandler does on RST_STREAM.</summary>
    private sealed class ResettingContent(byte[] data, long errorCode) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => throw new NotSupportedException();

        protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new ResettingStream(data, errorCode));

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    private sealed class ResettingStream(byte[] data, long errorCode) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = Read(buffer.Span);
            return read > 0 ? ValueTask.FromResult(read) : ValueTask.FromException<int>(new HttpProtocolException(errorCode, "The HTTP/2 server reset the stream.", null));
        }
    }
}
