using Google.Protobuf;
using Alpha = Grpc.Reflection.V1Alpha;
using V1 = Grpc.Reflection.V1;

namespace Interop.Grpc.Reflection.Internal;

/// <summary>
/// grpc.reflection.v1alpha.ServerReflection, for clients that still call it (grpcurl and grpcio try it after v1).
/// v1alpha and v1 messages are identical on the wire, so each request is re-read as v1, answered by the v1 service,
/// and the answer re-read as v1alpha.
/// </summary>
internal sealed class ReflectionServiceV1Alpha(ReflectionServiceImpl v1) : Alpha.ServerReflection.ServerReflectionBase
{
    public override async Task ServerReflectionInfo(
        IAsyncStreamReader<Alpha.ServerReflectionRequest> requestStream,
        IServerStreamWriter<Alpha.ServerReflectionResponse> responseStream,
        ServerCallContext context)
    {
        while (await requestStream.MoveNext(context.CancellationToken).ConfigureAwait(false))
        {
            var request = V1.ServerReflectionRequest.Parser.ParseFrom(requestStream.Current.ToByteString());
            var response = Alpha.ServerReflectionResponse.Parser.ParseFrom(v1.Handle(request).ToByteString());
            await responseStream.WriteAsync(response, context.CancellationToken).ConfigureAwait(false);
        }
    }
}
