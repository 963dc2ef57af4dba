using System.Buffers;

namespace Interop.Grpc;

/// <summary>
/// Turns messages of type <typeparamref name="T"/> into bytes and back. The size is asked first so the runtime
/// can write the length prefix and the message straight into the transport's buffer.
/// </summary>
public abstract class Marshaller<T>
{
    /// <summary>The serialized size of <paramref name="message"/> in bytes.</summary>
    public abstract int GetSize(T message);

    /// <summary>Writes <paramref name="message"/> into <paramref name="destination"/>, which is exactly <see cref="GetSize"/> bytes long.</summary>
    public abstract void Serialize(T message, Span<byte> destination);

    /// <summary>Reads a message from <paramref name="data"/>. Throws on malformed input.</summary>
    public abstract T Deserialize(ReadOnlySequence<byte> data);
}
