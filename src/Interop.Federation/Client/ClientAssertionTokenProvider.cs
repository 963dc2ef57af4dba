using System.Text.Json;

namespace Interop.Federation.Client;

/// <summary>
/// Gets access tokens from the hub for a .NET integrator: authenticates with a private_key_jwt assertion, caches
/// the token until <see cref="ClientAssertionOptions.RefreshAtFraction"/> of its lifetime, and fetches once however
/// many callers ask at the same time.
/// </summary>
public sealed class ClientAssertionTokenProvider : IAccessTokenSource, IDisposable
{
    private readonly HttpClient _httpClient;
    private readonly ClientAssertionOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly SemaphoreSlim _refreshLock = new(1, 1);
    private volatile CachedToken? _cached;

    /// <summary>Creates the provider. <paramref name="httpClient"/> is used for token requests and not disposed.</summary>
    public ClientAssertionTokenProvider(HttpClient httpClient, ClientAssertionOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options.TokenEndpoint);
        ArgumentException.ThrowIfNullOrEmpty(options.ClientId);
        ArgumentNullException.ThrowIfNull(options.SigningKey);
        if (options.RefreshAtFraction is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "RefreshAtFraction must be in (0, 1].");
        }

        _httpClient = httpClient;
        _options = options;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>A valid access token: the cached one, or a new one when it is due for refresh.</summary>
    public async ValueTask<string> GetAccessTokenAsync(CancellationToken cancellationToken = default)
    {
        var cached = _cached;
        if (cached is not null && _timeProvider.GetUtcNow() < cached.RefreshAt)
        {
            return cached.AccessToken;
        }

        await _refreshLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Whoever held the lock before us may have refreshed already: then every waiter shares that token.
            cached = _cached;
            if (cached is not null && _timeProvider.GetUtcNow() < cached.RefreshAt)
            {
                return cached.AccessToken;
            }

            cached = await RequestAsync(cancellationToken).ConfigureAwait(false);
            _cached = cached;
            return cached.AccessToken;
        }
        finally
        {
            _refreshLock.Release();
        }
    }

    /// <summary>Drops the cached token (e.g. after the server refused it).</summary>
    public void Invalidate() => _cached = null;

    /// <inheritdoc />
    public void Dispose() => _refreshLock.Dispose();

    private async Task<CachedToken> RequestAsync(CancellationToken cancellationToken)
    {
        var now = _timeProvider.GetUtcNow();
        var assertion = ClientAssertion.Create(
            _options.ClientId, _options.Audience ?? _options.TokenEndpoint.AbsoluteUri, _options.SigningKey, _options.Algorithm, now, _options.AssertionLifetime);
        var parameters = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_assertion_type"] = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
            ["client_assertion"] = assertion,
        };
        if (!string.IsNullOrEmpty(_options.Scope))
        {
            parameters["scope"] = _options.Scope;
        }

        using var content = new FormUrlEncodedContent(parameters);
        using var response = await _httpClient.PostAsync(_options.TokenEndpoint, content, cancellationToken).ConfigureAwait(false);
        using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), cancellationToken: cancellationToken).ConfigureAwait(false);
        var root = body.RootElement;
        if (!response.IsSuccessStatusCode)
        {
            var error = root.TryGetProperty("error", out var e) ? e.GetString() ?? "unknown" : "unknown";
            var description = root.TryGetProperty("error_description", out var d) ? d.GetString() : null;
            throw new TokenRequestException((int)response.StatusCode, error, description);
        }

        var token = root.GetProperty("access_token").GetString() ?? throw new JsonException("access_token is null.");
        var expiresIn = TimeSpan.FromSeconds(root.TryGetProperty("expires_in", out var exp) ? exp.GetInt32() : 60);
        return new CachedToken(token, now + expiresIn * _options.RefreshAtFraction);
    }

    private sealed record CachedToken(string AccessToken, DateTimeOffset RefreshAt);
}
