namespace Interop.Grpc.AspNetCore.Internal;

internal sealed class UnaryServerCallHandler<TRequest, TResponse>(
    Method<TRequest, TResponse> method,
    ServerMethodSettings settings,
    UnaryServerMethod<TRequest, TResponse> invoker)
    : ServerCallHandler<TRequest, TResponse>(method, settings)
    where TRequest : class
    where TResponse : class
{
    protected override async Task HandleCallCoreAsync(HttpContextServerCallContext context)
    {
        var request = await ReadSingleRequestAsync(context).ConfigureAwait(false);
        var response = await invoker(request, context).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The handler returned a null response.");
        await context.WriteMessageAsync(response, Method.ResponseMarshaller, flush: false, context.CancellationToken).ConfigureAwait(false);
    }
}
