namespace Interop.Grpc.AspNetCore.Internal;

internal sealed class ServerStreamingServerCallHandler<TRequest, TResponse>(
    Method<TRequest, TResponse> method,
    ServerMethodSettings settings,
    ServerStreamingServerMethod<TRequest, TResponse> invoker)
    : ServerCallHandler<TRequest, TResponse>(method, settings)
    where TRequest : class
    where TResponse : class
{
    protected override async Task HandleCallCoreAsync(HttpContextServerCallContext context)
    {
        var request = await ReadSingleRequestAsync(context).ConfigureAwait(false);
        var responseStream = new HttpContextStreamWriter<TResponse>(context, Method.ResponseMarshaller);
        try
        {
            await invoker(request, responseStream, context).ConfigureAwait(false);
        }
        finally
        {
            responseStream.Complete();
        }
    }
}
