using Google.Protobuf;
using Grpc.Testing;

namespace Interop.Grpc.Benchmarks;

/// <summary>
/// The service under load: UnaryCall answers with a payload of the requested size, StreamingOutputCall sends one
/// message per response parameter. Payload bodies are shared immutable ByteStrings, so the figures measure the
/// runtime and not the service making bytes. Not registered in DI: each call gets a new instance, the default path.
/// </summary>
internal sealed class BenchmarkService : TestService.TestServiceBase
{
    private static long s_unaryCalls;

    /// <summary>Unary calls whose handler completed normally (so their status was OK), for checking h2load's count.</summary>
    public static long UnaryCalls => Interlocked.Read(ref s_unaryCalls);

    public override Task<SimpleResponse> UnaryCall(SimpleRequest request, ServerCallContext context)
    {
        Interlocked.Increment(ref s_unaryCalls);
        return Task.FromResult(new SimpleResponse { Payload = new Payload { Body = Payloads.Get(request.ResponseSize) } });
    }

    public override async Task StreamingOutputCall(
        StreamingOutputCallRequest request,
        IServerStreamWriter<StreamingOutputCallResponse> responseStream,
        ServerCallContext context)
    {
        StreamingOutputCallResponse? response = null;
        foreach (var parameters in request.ResponseParameters)
        {
            // The writer serializes before WriteAsync returns, so one message object can go out many times.
            if (response is null || response.Payload.Body.Length != parameters.Size)
            {
                response = new StreamingOutputCallResponse { Payload = new Payload { Body = Payloads.Get(parameters.Size) } };
            }

            await responseStream.WriteAsync(response).ConfigureAwait(false);
        }
    }
}
