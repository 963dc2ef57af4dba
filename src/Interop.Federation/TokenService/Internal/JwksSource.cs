using Interop.Federation.Registry;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Interop.Federation.TokenService.Internal;

/// <summary>
/// Loads a JWK set from static JSON or a URL. Fetched sets are cached in the IDistributedCache shared by hub nodes,
/// so a partner's JWKS endpoint is not hit once per token request.
/// </summary>
internal sealed class JwksSource
{
    public const string HttpClientName = "Interop.Federation.Jwks";
    private const int MaxJwksBytes = 64 * 1024;

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly IDistributedCache _cache;
    private readonly IOptions<TokenServiceOptions> _options;
    private readonly ILogger<JwksSource> _logger;

    public JwksSource(IHttpClientFactory httpClientFactory, IDistributedCache cache, IOptions<TokenServiceOptions> options, ILogger<JwksSource> logger)
    {
        _httpClientFactory = httpClientFactory;
        _cache = cache;
        _options = options;
        _logger = logger;
    }

    /// <summary>The key set, or null when it cannot be loaded or is not a valid public JWK set.</summary>
    public async Task<JsonWebKeySet?> GetAsync(string? staticJwks, Uri? url, CancellationToken cancellationToken)
    {
        if (staticJwks is not null)
        {
            return TryParse(staticJwks);
        }

        if (url is null)
        {
            return null;
        }

        var cacheKey = "jwks:" + url.AbsoluteUri;
        var cached = await _cache.GetStringAsync(cacheKey, cancellationToken).ConfigureAwait(false);
        if (cached is not null)
        {
            return TryParse(cached);
        }

        var json = await FetchAsync(url, cancellationToken).ConfigureAwait(false);
        if (json is null || PartnerValidation.ValidatePublicJwks(json).Count > 0)
        {
            return null;
        }

        await _cache.SetStringAsync(cacheKey, json, new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = _options.Value.JwksCacheDuration }, cancellationToken).ConfigureAwait(false);
        return TryParse(json);
    }

    private async Task<string?> FetchAsync(Uri url, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Value.JwksFetchTimeout);
        try
        {
            var client = _httpClientFactory.CreateClient(HttpClientName);
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            if (response.Content.Headers.ContentLength > MaxJwksBytes)
            {
                throw new InvalidDataException($"JWKS larger than {MaxJwksBytes} bytes.");
            }

            await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
            var buffer = new MemoryStream();
            var chunk = new byte[8192];
            int read;
            while ((read = await stream.ReadAsync(chunk, timeout.Token).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > MaxJwksBytes)
                {
                    throw new InvalidDataException($"JWKS larger than {MaxJwksBytes} bytes.");
                }

                buffer.Write(chunk, 0, read);
            }

            return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or InvalidDataException && !cancellationToken.IsCancellationRequested)
        {
            TokenServiceLog.JwksFetchFailed(_logger, url.AbsoluteUri, ex);
            return null;
        }
    }

    private static JsonWebKeySet? TryParse(string json)
    {
        try
        {
            return new JsonWebKeySet(json);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
