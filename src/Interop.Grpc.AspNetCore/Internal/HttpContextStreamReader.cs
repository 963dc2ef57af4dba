namespace Interop.Grpc.AspNetCore.Internal;

/// <summary>The request stream of a client-streaming or duplex call.</summary>
internal sealed class HttpContextStreamReader<T>(HttpContextServerCallContext context, Marshaller<T> marshaller) : IAsyncStreamReader<T>
    where T : class
{
    private T? _current;
    private bool _ended;

    public T Current => _current ?? throw new InvalidOperationException("No current message: call MoveNext first, and only use Current while it returns true.");

    public Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        if (_ended)
        {
            return Task.FromResult(false);
        }

        return MoveNextCoreAsync(cancellationToken);
    }

    private async Task<bool> MoveNextCoreAsync(CancellationToken cancellationToken)
    {
        // The call's token (client cancel, deadline) always applies; a separate caller token is linked only when given.
        var callToken = context.CancellationToken;
        using var linked = cancellationToken.CanBeCanceled && cancellationToken != callToken
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, callToken)
            : null;
        var message = await context.ReadMessageAsync(marshaller, linked?.Token ?? callToken).ConfigureAwait(false);
        if (message is null)
        {
            _ended = true;
            _current = null;
            return false;
        }

        _current = message;
        return true;
    }
}
