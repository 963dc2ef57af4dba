using System.Buffers.Binary;

namespace InteropTestsClient;

/// <summary>
/// A read-through stream that follows the gRPC framing (1-byte Compressed-Flag, 4-byte big-endian length, message:
/// PROTOCOL-HTTP2.md, Length-Prefixed-Message) and reports each message's flag. The bytes are returned unchanged.
/// </summary>
internal sealed class FlagSniffingStream(Stream inner, ResponseFlagObserver observer) : Stream
{
    private readonly byte[] _prefix = new byte[5];
    private int _prefixFilled;
    private long _messageRemaining;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        Observe(buffer[..read]);
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        Observe(buffer.Span[..read]);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Observe(ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            if (_messageRemaining > 0)
            {
                var skip = (int)Math.Min(_messageRemaining, data.Length);
                _messageRemaining -= skip;
                data = data[skip..];
                continue;
            }

            var take = Math.Min(_prefix.Length - _prefixFilled, data.Length);
            data[..take].CopyTo(_prefix.AsSpan(_prefixFilled));
            _prefixFilled += take;
            data = data[take..];
            if (_prefixFilled == _prefix.Length)
            {
                observer.Record(_prefix[0] == 1);
                _messageRemaining = BinaryPrimitives.ReadUInt32BigEndian(_prefix.AsSpan(1));
                _prefixFilled = 0;
            }
        }
    }
}
