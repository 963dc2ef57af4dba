using Google.Protobuf;
using Interop.Grpc.Internal;

namespace Interop.Grpc;

/// <summary>Factory for marshallers.</summary>
public static class Marshallers
{
    /// <summary>A marshaller for a protobuf message type, using its generated parser.</summary>
    public static Marshaller<T> Create<T>(MessageParser<T> parser)
        where T : IMessage<T> => new ProtobufMarshaller<T>(parser);
}
