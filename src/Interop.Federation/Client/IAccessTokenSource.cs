namespace Interop.Federation.Client;

/// <summary>Something that hands out a currently valid access token (e.g. <see cref="ClientAssertionTokenProvider"/>).</summary>
public interface IAccessTokenSource
{
    /// <summary>A valid access token; completes synchronously while a cached token is fresh.</summary>
    ValueTask<string> GetAccessTokenAsync(CancellationToken cancellationToken = default);
}
