using System.Net;

namespace Interop.Grpc.Client.Tests.TestInfrastructure;

/// <summary>A response body that arrives in chunks of the given sizes, as DATA frames may split it anywhere.</summary>
internal sealed class ChunkedContent(byte[] data, IReadOnlyList<int> chunkSizes) : HttpContent
{
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(data).AsTask();

    protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new ChunkedStream(data, chunkSizes));

    protected override bool TryComputeLength(out long length)
    {
        length = data.Length;
        return true;
    }

    private sealed class ChunkedStream(byte[] data, IReadOnlyList<int> chunkSizes) : Stream
    {
        private int _position;
        private int _chunk;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var size = Math.Min(Math.Min(buffer.Length, chunkSizes[_chunk++ % chunkSizes.Count]), data.Length - _position);
            data.AsSpan(_position, size).CopyTo(buffer);
            _position += size;
            return size;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            // Yield so each chunk is a separate asynchronous read, like frames from the network.
            await Task.Yield();
            return Read(buffer.Span);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
