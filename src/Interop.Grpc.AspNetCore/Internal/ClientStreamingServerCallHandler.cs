namespace Interop.Grpc.AspNetCore.Internal;

internal sealed class ClientStreamingServerCallHandler<TRequest, TResponse>(
    Method<TRequest, TResponse> method,
    ServerMethodSettings settings,
    ClientStreamingServerMethod<TRequest, TResponse> invoker)
    : ServerCallHandler<TRequest, TResponse>(method, settings)
    where TRequest : class
    where TResponse : class
{
    protected override async Task HandleCallCoreAsync(HttpContextServerCallContext context)
    {
        context.DisableMinRequestBodyDataRate();
        var requestStream = new HttpContextStreamReader<TRequest>(context, Method.RequestMarshaller);
        var response = await invoker(requestStream, context).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The handler returned a null response.");
        await context.WriteMessageAsync(response, Method.ResponseMarshaller, flush: false, context.CancellationToken).ConfigureAwait(false);
    }
}
