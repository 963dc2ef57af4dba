using System.Globalization;
using System.Net.Http.Headers;
using Interop.Grpc.Shared;
using Microsoft.Extensions.Logging;

namespace Interop.Grpc.Client.Internal;

/// <summary>Reads status and metadata from response headers and trailers.</summary>
internal static class ResponseMetadata
{
    /// <summary>The first raw value of a header, or null.</summary>
    public static string? GetHeader(HttpHeaders headers, string name) =>
        headers.NonValidated.TryGetValues(name, out var values) && values.Count > 0 ? FirstValue(values) : null;

    /// <summary>
    /// The status in grpc-status and grpc-message, or false when grpc-status is absent. grpc-message is
    /// percent-decoded leniently (PROTOCOL-HTTP2.md, Status-Message).
    /// </summary>
    public static bool TryGetStatus(HttpHeaders headers, out Status status)
    {
        var code = GetHeader(headers, GrpcProtocolConstants.StatusTrailer);
        if (code is null)
        {
            status = default;
            return false;
        }

        var message = GetHeader(headers, GrpcProtocolConstants.MessageTrailer);
        var detail = message is null ? string.Empty : PercentEncoding.Decode(message);
        if (!int.TryParse(code.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            status = new Status(StatusCode.Unknown, $"Unexpected grpc-status value '{code}'. {detail}".TrimEnd());
            return true;
        }

        // Codes outside the known range are kept as numbers; statuscodes.md lets clients treat them as UNKNOWN.
        status = new Status((StatusCode)value, detail);
        return true;
    }

    /// <summary>
    /// The custom metadata in <paramref name="headers"/>: reserved names are left out, except grpc-status-details-bin;
    /// -bin values are base64 (padded or not) and may be several joined by commas (PROTOCOL-HTTP2.md, Custom-Metadata).
    /// </summary>
    public static Metadata FromHeaders(HttpHeaders headers, ILogger logger)
    {
        var metadata = new Metadata();
        foreach (var (name, values) in headers.NonValidated)
        {
            var key = name.ToLowerInvariant();
            if (GrpcProtocolConstants.IsReservedHeader(key))
            {
                continue;
            }

            foreach (var value in values)
            {
                if (!TryAdd(metadata, key, value))
                {
                    GrpcClientLog.InvalidMetadataIgnored(logger, key);
                }
            }
        }

        return metadata;
    }

    private static bool TryAdd(Metadata metadata, string key, string value)
    {
        try
        {
            if (!key.EndsWith(Metadata.BinaryHeaderSuffix, StringComparison.Ordinal))
            {
                metadata.Add(key, value);
                return true;
            }

            foreach (var part in value.Split(','))
            {
                if (!BinaryHeaderEncoding.TryDecode(part, out var bytes))
                {
                    return false;
                }

                metadata.Add(key, bytes);
            }

            return true;
        }
        catch (ArgumentException)
        {
            // A key or value outside the gRPC grammar (for example a non-ASCII value): not metadata we can hand out.
            return false;
        }
    }

    private static string? FirstValue(HeaderStringValues values)
    {
        foreach (var value in values)
        {
            return value;
        }

        return null;
    }
}
