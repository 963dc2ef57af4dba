using System.Net;
using System.Threading.Channels;

namespace Interop.Grpc.AspNetCore.Tests.Functional.Infrastructure;

/// <summary>A request body the test writes to while the call runs (client streaming, duplex, cancellation).</summary>
internal sealed class PushContent : HttpContent
{
    private readonly Channel<byte[]> _frames = Channel.CreateUnbounded<byte[]>();

    public void Write(byte[] frame) => Assert.True(_frames.Writer.TryWrite(frame));

    public void Complete() => _frames.Writer.TryComplete();

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        await foreach (var frame in _frames.Reader.ReadAllAsync())
        {
            await stream.WriteAsync(frame);
            await stream.FlushAsync();
        }
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        SerializeToStreamAsync(stream, context);

    protected override bool TryComputeLength(out long length)
    {
        length = -1;
        return false;
    }
}
