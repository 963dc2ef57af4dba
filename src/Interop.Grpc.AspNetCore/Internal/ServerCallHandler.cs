using Microsoft.AspNetCore.Http;

namespace Interop.Grpc.AspNetCore.Internal;

/// <summary>
/// Runs one call of one method: validates the request, creates the call context, asks the call authorizers, runs the
/// kind-specific part and sends the status. One instance per mapped method, shared by all its calls.
/// </summary>
internal abstract class ServerCallHandler<TRequest, TResponse>
    where TRequest : class
    where TResponse : class
{
    protected ServerCallHandler(Method<TRequest, TResponse> method, ServerMethodSettings settings)
    {
        Method = method;
        Settings = settings;
    }

    protected Method<TRequest, TResponse> Method { get; }

    protected ServerMethodSettings Settings { get; }

    public Task HandleCallAsync(HttpContext httpContext) =>
        GrpcRequestValidator.TryAccept(httpContext, Settings.Logger) ? HandleAcceptedCallAsync(httpContext) : Task.CompletedTask;

    private async Task HandleAcceptedCallAsync(HttpContext httpContext)
    {
        using var context = new HttpContextServerCallContext(httpContext, Settings);
        Status status;
        Metadata? trailers = null;
        if (context.Initialize() is { } rejection)
        {
            GrpcServerLog.CallRejected(Settings.Logger, Method.FullName, rejection.Detail);
            status = rejection;
        }
        else
        {
            try
            {
                // Before the kind-specific part reads anything: a refused caller costs no body read or parse.
                foreach (var authorizer in Settings.CallAuthorizers)
                {
                    await authorizer.AuthorizeAsync(context).ConfigureAwait(false);
                }

                await HandleCallCoreAsync(context).ConfigureAwait(false);
                status = context.StatusFromCompletion();
            }
            catch (Exception ex)
            {
                status = context.StatusFromException(ex, out trailers);
            }
        }

        context.EndCall(status, trailers);
    }

    /// <summary>The kind-specific part: read the request(s), run the handler, write the response(s).</summary>
    protected abstract Task HandleCallCoreAsync(HttpContextServerCallContext context);

    /// <summary>
    /// Unary and server-streaming calls take exactly one request message; zero or two is a protocol error (INTERNAL),
    /// as in grpc-go and grpc-java.
    /// </summary>
    protected async Task<TRequest> ReadSingleRequestAsync(HttpContextServerCallContext context)
    {
        var request = await context.ReadMessageAsync(Method.RequestMarshaller, context.CancellationToken).ConfigureAwait(false)
            ?? throw new RpcException(new Status(StatusCode.Internal, "The request stream ended without a request message."));
        if (await context.ReadMessageAsync(Method.RequestMarshaller, context.CancellationToken).ConfigureAwait(false) is not null)
        {
            throw new RpcException(new Status(StatusCode.Internal, "The request stream held more than one message for a method that takes one."));
        }

        return request;
    }
}
