using System.Buffers;
using Google.Protobuf;

namespace Interop.Grpc.Internal;

internal sealed class ProtobufMarshaller<T>(MessageParser<T> parser) : Marshaller<T>
    where T : IMessage<T>
{
    public override int GetSize(T message) => message.CalculateSize();

    public override void Serialize(T message, Span<byte> destination) => message.WriteTo(destination);

    public override T Deserialize(ReadOnlySequence<byte> data) => parser.ParseFrom(data);
}
