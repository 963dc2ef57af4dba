using Interop.Grpc.Shared;
using Microsoft.AspNetCore.Http;

namespace Interop.Grpc.AspNetCore.Internal;

internal sealed partial class HttpContextServerCallContext
{
    /// <summary>Chooses the response encoding for this call; only before the response headers are sent.</summary>
    public void SetResponseCompression(string? algorithm)
    {
        if (algorithm is not null && !ResponseEncodings.IsSupported(algorithm))
        {
            throw new ArgumentException($"Response compression '{algorithm}' is not supported; use '{GrpcProtocolConstants.GzipEncoding}' or '{GrpcProtocolConstants.IdentityEncoding}'.", nameof(algorithm));
        }

        if (_responseHeadersPrepared)
        {
            throw new InvalidOperationException("Response compression must be chosen before the response headers are sent.");
        }

        _responseEncoding = algorithm;
    }

    /// <summary>
    /// Settles the response headers before the first message or an explicit header write: grpc-encoding only when
    /// the client listed the encoding in grpc-accept-encoding (compression.md: never send what the peer cannot read).
    /// </summary>
    private void PrepareResponseHeaders()
    {
        if (_responseHeadersPrepared)
        {
            return;
        }

        _responseHeadersPrepared = true;
        if (_responseEncoding is GrpcProtocolConstants.GzipEncoding && ResponseEncodings.Accepts(_clientAcceptEncoding, GrpcProtocolConstants.GzipEncoding))
        {
            HttpContext.Response.Headers[GrpcProtocolConstants.EncodingHeader] = GrpcProtocolConstants.GzipEncoding;
        }
        else
        {
            _responseEncoding = null;
        }
    }

    public override async Task WriteResponseHeadersAsync(Metadata responseHeaders)
    {
        ArgumentNullException.ThrowIfNull(responseHeaders);
        if (ResponseStarted || HttpContext.Response.HasStarted)
        {
            throw new InvalidOperationException("Response headers can only be sent once per call, before the first message.");
        }

        foreach (var entry in responseHeaders)
        {
            RefuseIfReserved(entry.Key);
        }

        PrepareResponseHeaders();
        ResponseStarted = true;
        var headers = HttpContext.Response.Headers;
        foreach (var entry in responseHeaders)
        {
            headers.Append(entry.Key, entry.IsBinary ? BinaryHeaderEncoding.Encode(entry.ValueBytes) : entry.Value);
        }

        await HttpContext.Response.BodyWriter.FlushAsync(CancellationToken).ConfigureAwait(false);
    }
}
