using Interop.Grpc.Shared;

namespace Interop.Grpc.AspNetCore.Internal;

/// <summary>The message encodings this server reads and writes (compression.md): identity and gzip.</summary>
internal static class ResponseEncodings
{
    /// <summary>The grpc-accept-encoding value sent on every response.</summary>
    public const string AcceptEncodingValue = GrpcProtocolConstants.IdentityEncoding + "," + GrpcProtocolConstants.GzipEncoding;

    public static bool IsSupported(string encoding) =>
        string.Equals(encoding, GrpcProtocolConstants.GzipEncoding, StringComparison.Ordinal) ||
        string.Equals(encoding, GrpcProtocolConstants.IdentityEncoding, StringComparison.Ordinal);

    /// <summary>Whether a comma-separated grpc-accept-encoding value lists <paramref name="encoding"/>.</summary>
    public static bool Accepts(string? acceptEncoding, string encoding)
    {
        if (string.IsNullOrEmpty(acceptEncoding))
        {
            return false;
        }

        var remaining = acceptEncoding.AsSpan();
        while (!remaining.IsEmpty)
        {
            var comma = remaining.IndexOf(',');
            var item = (comma < 0 ? remaining : remaining[..comma]).Trim(' ');
            if (item.Equals(encoding, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            remaining = comma < 0 ? [] : remaining[(comma + 1)..];
        }

        return false;
    }
}
