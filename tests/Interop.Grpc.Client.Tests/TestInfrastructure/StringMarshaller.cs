using System.Buffers;
using System.Text;

namespace Interop.Grpc.Client.Tests.TestInfrastructure;

/// <summary>UTF-8 strings as messages, so tests can read the bytes on the wire.</summary>
internal sealed class StringMarshaller : Marshaller<string>
{
    public static readonly StringMarshaller Instance = new();

    public override int GetSize(string message) => Encoding.UTF8.GetByteCount(message);

    public override void Serialize(string message, Span<byte> destination) => Encoding.UTF8.GetBytes(message, destination);

    public override string Deserialize(ReadOnlySequence<byte> data) => Encoding.UTF8.GetString(data.ToArray());
}
