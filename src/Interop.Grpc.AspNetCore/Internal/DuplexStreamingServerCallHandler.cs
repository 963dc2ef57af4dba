namespace Interop.Grpc.AspNetCore.Internal;

internal sealed class DuplexStreamingServerCallHandler<TRequest, TResponse>(
    Method<TRequest, TResponse> method,
    ServerMethodSettings settings,
    DuplexStreamingServerMethod<TRequest, TResponse> invoker)
    : ServerCallHandler<TRequest, TResponse>(method, settings)
    where TRequest : class
    where TResponse : class
{
    protected override async Task HandleCallCoreAsync(HttpContextServerCallContext context)
    {
        context.DisableMinRequestBodyDataRate();
        var requestStream = new HttpContextStreamReader<TRequest>(context, Method.RequestMarshaller);
        var responseStream = new HttpContextStreamWriter<TResponse>(context, Method.ResponseMarshaller);
        try
        {
            await invoker(requestStream, responseStream, context).ConfigureAwait(false);
        }
        finally
        {
            responseStream.Complete();
        }
    }
}
