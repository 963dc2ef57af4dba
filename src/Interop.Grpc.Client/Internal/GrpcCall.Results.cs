namespace Interop.Grpc.Client.Internal;

internal sealed partial class GrpcCall<TRequest, TResponse>
{
    /// <summary>
    /// The single response of a unary or client-streaming call. A status other than OK wins; with OK the body must
    /// have held exactly one message, otherwise the call fails with INTERNAL (as every gRPC implementation does).
    /// </summary>
    public async Task<TResponse> GetSingleResponseAsync()
    {
        if (!await HeadersReceived.ConfigureAwait(false))
        {
            throw CreateException();
        }

        var (hasMessage, message) = await ReadMessageAsync().ConfigureAwait(false);
        if (hasMessage)
        {
            var (hasSecond, _) = await ReadMessageAsync().ConfigureAwait(false);
            if (hasSecond)
            {
                throw Fail(StatusCode.Internal, "Received more than one response message for a call that expects one.");
            }
        }

        var status = FinishFromTrailers(s => s.StatusCode == StatusCode.OK && !hasMessage
            ? new Status(StatusCode.Internal, "Failed to deserialize response message: the response held no message.")
            : s);
        return status.StatusCode == StatusCode.OK ? message! : throw CreateException();
    }

    /// <summary>Wraps a response task so an unobserved failure (a caller that only disposes) is not reported later.</summary>
    public static Task<TResponse> Observed(Task<TResponse> task)
    {
        _ = task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return task;
    }
}
