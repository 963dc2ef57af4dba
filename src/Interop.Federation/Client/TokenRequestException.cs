namespace Interop.Federation.Client;

/// <summary>The token endpoint refused a request; carries the RFC 6749 section 5.2 error.</summary>
public sealed class TokenRequestException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TokenRequestException(int statusCode, string error, string? errorDescription)
        : base($"Token request refused ({statusCode}): {error}{(errorDescription is null ? "" : ": " + errorDescription)}")
    {
        StatusCode = statusCode;
        Error = error;
        ErrorDescription = errorDescription;
    }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>The error code, e.g. invalid_client.</summary>
    public string Error { get; }

    /// <summary>The error_description, if any.</summary>
    public string? ErrorDescription { get; }
}
