using System.Text.Json;
using Interop.Caching;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace Interop.Federation.TokenService.Internal;

/// <summary>
/// POST /token: client_credentials (RFC 6749 section 4.4) and token exchange (RFC 8693), both authenticated by
/// private_key_jwt. Errors follow RFC 6749 section 5.2 exactly and never carry exception detail.
/// </summary>
internal sealed class TokenEndpointHandler
{
    private const long MaxRequestBodyBytes = 64 * 1024;

    private readonly ClientAuthenticator _authenticator;
    private readonly SubjectTokenValidator _subjectTokens;
    private readonly AccessTokenIssuer _issuer;
    private readonly ILogger<TokenEndpointHandler> _logger;

    public TokenEndpointHandler(ClientAuthenticator authenticator, SubjectTokenValidator subjectTokens, AccessTokenIssuer issuer, ILogger<TokenEndpointHandler> logger)
    {
        _authenticator = authenticator;
        _subjectTokens = subjectTokens;
        _issuer = issuer;
        _logger = logger;
    }

    public async Task HandleAsync(HttpContext context)
    {
        try
        {
            await HandleCoreAsync(context).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The caller went away: nothing to answer.
        }
        catch (Exception ex) when (ex is BadHttpRequestException or InvalidDataException && !context.Response.HasStarted)
        {
            // An oversized or unreadable form (Kestrel or form reader limits).
            await RefuseAsync(context, OAuthError.InvalidRequest(RefusalReason.MalformedRequest, "The request body is malformed or too large."), null).ConfigureAwait(false);
        }
        catch (SharedStateUnavailableException ex)
        {
            // Replay protection cannot be checked: fail closed.
            TokenServiceLog.EndpointFailed(_logger, ex);
            await WriteJsonAsync(context, StatusCodes.Status503ServiceUnavailable, new Dictionary<string, object> { ["error"] = "temporarily_unavailable" }).ConfigureAwait(false);
        }
        catch (Exception ex) when (!context.Response.HasStarted)
        {
            TokenServiceLog.EndpointFailed(_logger, ex);
            await WriteJsonAsync(context, StatusCodes.Status500InternalServerError, new Dictionary<string, object> { ["error"] = "server_error" }).ConfigureAwait(false);
        }
    }

    private async Task HandleCoreAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        // A token request is a few kilobytes: refuse to buffer more.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = MaxRequestBodyBytes;
        }

        // RFC 6749 section 4.4.2: parameters in application/x-www-form-urlencoded.
        if (!context.Request.HasFormContentType || context.Request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) != true)
        {
            await RefuseAsync(context, OAuthError.InvalidRequest(RefusalReason.NotFormEncoded, "The request must be application/x-www-form-urlencoded."), null).ConfigureAwait(false);
            return;
        }

        var form = await context.Request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        // RFC 6749 section 3.2: request parameters must not be included more than once.
        if (form.FirstOrDefault(p => p.Value.Count > 1) is { Key: { } repeated })
        {
            await RefuseAsync(context, OAuthError.InvalidRequest(RefusalReason.RepeatedParameter, $"Parameter '{repeated}' is repeated."), null).ConfigureAwait(false);
            return;
        }

        string? grantType = form["grant_type"];
        if (string.IsNullOrEmpty(grantType))
        {
            await RefuseAsync(context, OAuthError.InvalidRequest(RefusalReason.MissingParameter, "grant_type is required."), null).ConfigureAwait(false);
            return;
        }

        if (grantType is not (OAuthConstants.ClientCredentialsGrant or OAuthConstants.TokenExchangeGrant))
        {
            await RefuseAsync(context, new OAuthError(OAuthConstants.Errors.UnsupportedGrantType, "Supported: client_credentials and token exchange.", RefusalReason.UnsupportedGrantType), null).ConfigureAwait(false);
            return;
        }

        var requested = ScopeSet.Parse(form["scope"]);
        if (requested is null)
        {
            await RefuseAsync(context, OAuthError.InvalidScope(RefusalReason.MalformedScope, "The scope parameter is malformed."), null).ConfigureAwait(false);
            return;
        }

        var (client, authError, claimedClientId) = await _authenticator.AuthenticateAsync(form, cancellationToken).ConfigureAwait(false);
        if (client is null)
        {
            await RefuseAsync(context, authError!, claimedClientId).ConfigureAwait(false);
            return;
        }

        if (grantType == OAuthConstants.ClientCredentialsGrant)
        {
            var granted = ScopeSet.Grant(requested, client.Client.AllowedScopes);
            if (granted is null)
            {
                await RefuseAsync(context, OAuthError.InvalidScope(RefusalReason.ScopeNotAllowed, "The requested scope exceeds what the client is allowed."), client.Client.ClientId).ConfigureAwait(false);
                return;
            }

            var (token, lifetime) = await _issuer.IssueAsync(client, granted, null, cancellationToken).ConfigureAwait(false);
            TokenServiceLog.Issued(_logger, client.Client.ClientId, client.Organisation.Oin, string.Join(' ', granted), grantType);
            await WriteTokenAsync(context, token, lifetime, granted, issuedTokenType: null).ConfigureAwait(false);
            return;
        }

        await HandleTokenExchangeAsync(context, form, client, requested, cancellationToken).ConfigureAwait(false);
    }

    private async Task HandleTokenExchangeAsync(HttpContext context, IFormCollection form, AuthenticatedClient client, IReadOnlyList<string> requested, CancellationToken cancellationToken)
    {
        var (trust, subject, error) = await _subjectTokens.ValidateAsync(form["subject_token"], form["subject_token_type"], client, cancellationToken).ConfigureAwait(false);
        if (trust is null || subject is null)
        {
            await RefuseAsync(context, error!, client.Client.ClientId).ConfigureAwait(false);
            return;
        }

        // At most what was asked, what the trust allows and what the client is allowed.
        var granted = ScopeSet.Grant(requested, trust.MaxScopes.Intersect(client.Client.AllowedScopes, StringComparer.Ordinal));
        if (granted is null)
        {
            await RefuseAsync(context, OAuthError.InvalidScope(RefusalReason.ScopeNotAllowed, "The requested scope exceeds what the trust and the client allow."), client.Client.ClientId).ConfigureAwait(false);
            return;
        }

        var extra = new Dictionary<string, object>(StringComparer.Ordinal) { [HubClaimNames.SourceIssuer] = trust.Issuer };
        if (!string.IsNullOrEmpty(subject.Subject))
        {
            extra[HubClaimNames.SourceSubject] = subject.Subject;
        }

        var (token, lifetime) = await _issuer.IssueAsync(client, granted, extra, cancellationToken).ConfigureAwait(false);
        TokenServiceLog.Issued(_logger, client.Client.ClientId, client.Organisation.Oin, string.Join(' ', granted), OAuthConstants.TokenExchangeGrant);
        await WriteTokenAsync(context, token, lifetime, granted, OAuthConstants.AccessTokenType).ConfigureAwait(false);
    }

    private Task RefuseAsync(HttpContext context, OAuthError error, string? clientId)
    {
        TokenServiceLog.Refused(_logger, error.Error, error.Reason, clientId);
        return WriteJsonAsync(context, error.StatusCode, new Dictionary<string, object> { ["error"] = error.Error, ["error_description"] = error.Description });
    }

    private static Task WriteTokenAsync(HttpContext context, string token, TimeSpan lifetime, IReadOnlyList<string> scopes, string? issuedTokenType)
    {
        // RFC 6749 section 5.1 (and RFC 8693 section 2.2.1 for issued_token_type).
        var body = new Dictionary<string, object>
        {
            ["access_token"] = token,
            ["token_type"] = "Bearer",
            ["expires_in"] = (int)lifetime.TotalSeconds,
            ["scope"] = string.Join(' ', scopes),
        };
        if (issuedTokenType is not null)
        {
            body["issued_token_type"] = issuedTokenType;
        }

        return WriteJsonAsync(context, StatusCodes.Status200OK, body);
    }

    private static async Task WriteJsonAsync(HttpContext context, int statusCode, Dictionary<string, object> body)
    {
        // RFC 6749 sections 5.1 and 5.2: token responses and errors must not be cached.
        context.Response.StatusCode = statusCode;
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.Pragma = "no-cache";
        context.Response.ContentType = "application/json;charset=UTF-8";
        await JsonSerializer.SerializeAsync(context.Response.Body, body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
    }
}
