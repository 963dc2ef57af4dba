using Interop.Grpc.AspNetCore.Internal;
using Interop.Grpc.AspNetCore.Tests.Functional.Infrastructure;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace Interop.Grpc.AspNetCore.Tests.Unit;

/// <summary>
/// Kestrel can fail a pending request-body read with "the request stream was aborted" (a client reset or a dropped
/// connection) before it fires RequestAborted. The read reports that as CANCELLED, so neither the runtime nor an
/// exception-mapping interceptor takes the client's leaving for a handler error. Anything else still passes through.
/// </summary>
public class RequestStreamAbortTests
{
    public static TheoryData<Exception> Aborts => new()
    {
        new IOException("The request stream was aborted.", new ConnectionAbortedException("The HTTP/2 connection faulted.")),
        new ConnectionAbortedException("The connection was aborted by the application."),
    };

    [Theory]
    [MemberData(nameof(Aborts))]
    public async Task ReadAborted_BeforeRequestAbortedFires_Cancelled(Exception abort)
    {
        var (http, context) = ContextReadingFrom(new FailingStream(abort));
        using (context)
        {
            var ex = await Assert.ThrowsAsync<RpcException>(() => context.ReadMessageAsync(TestServiceBase.EchoMethod.RequestMarshaller, default).AsTask());

            Assert.False(http.RequestAborted.IsCancellationRequested);
            Assert.Equal(StatusCode.Cancelled, ex.StatusCode);
            Assert.Same(abort, ex.Status.DebugException);
        }
    }

    [Fact]
    public async Task OtherReadFailure_PassesThroughUnchanged()
    {
        var failure = new IOException("disk full");
        var (_, context) = ContextReadingFrom(new FailingStream(failure));
        using (context)
        {
            var ex = await Assert.ThrowsAsync<IOException>(() => context.ReadMessageAsync(TestServiceBase.EchoMethod.RequestMarshaller, default).AsTask());

            Assert.Same(failure, ex);
        }
    }

    private static (HttpContext Http, HttpContextServerCallContext Context) ContextReadingFrom(Stream body)
    {
        var http = new DefaultHttpContext();
        http.Request.Body = body;
        var settings = new ServerMethodSettings(TestServiceBase.EchoMethod, new GrpcServiceOptions(), NullLogger.Instance, TimeProvider.System);
        return (http, new HttpContextServerCallContext(http, settings));
    }

    /// <summary>A request body whose every read fails with the given exception.</summary>
    private sealed class FailingStream(Exception failure) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => throw failure;

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromException<int>(failure);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
