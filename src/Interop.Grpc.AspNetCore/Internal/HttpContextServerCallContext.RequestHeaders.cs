using System.Buffers;
using System.Collections.Concurrent;
using Interop.Grpc.Shared;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Interop.Grpc.AspNetCore.Internal;

internal sealed partial class HttpContextServerCallContext
{
    private const int MaxLowerCaseKeys = 256;
    private static readonly ConcurrentDictionary<string, string> LowerCaseKeys = new(StringComparer.Ordinal);
    private static readonly SearchValues<char> MetadataKeyChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-_.");

    /// <summary>
    /// Custom metadata: every header except pseudo-headers and the ones the protocol owns. -bin values are base64,
    /// padded or not, several joined by commas (PROTOCOL-HTTP2.md, Custom-Metadata); a bad one is a protocol error.
    /// </summary>
    private Status? ReadRequestHeaders(IHeaderDictionary headers)
    {
        Metadata? metadata = null;
        foreach (var header in headers)
        {
            var key = ToLowerCaseKey(header.Key);
            if (GrpcProtocolConstants.IsReservedHeader(key) || !IsValidMetadataKey(key))
            {
                continue;
            }

            metadata ??= new Metadata();
            if (key.EndsWith(Metadata.BinaryHeaderSuffix, StringComparison.Ordinal))
            {
                if (!AddBinaryValues(metadata, key, header.Value))
                {
                    return new Status(StatusCode.Internal, $"Malformed base64 in binary header '{key}'.");
                }

                continue;
            }

            foreach (var value in header.Value)
            {
                if (value is not null && IsPrintableAscii(value))
                {
                    metadata.Add(new Metadata.Entry(key, value));
                }
                else
                {
                    GrpcServerLog.InvalidRequestHeaderSkipped(_settings.Logger, key);
                }
            }
        }

        _requestHeaders = metadata;
        return null;
    }

    private static bool AddBinaryValues(Metadata metadata, string key, StringValues values)
    {
        foreach (var value in values)
        {
            var remaining = (value ?? string.Empty).AsSpan();
            while (true)
            {
                var comma = remaining.IndexOf(',');
                var part = comma < 0 ? remaining : remaining[..comma];
                if (!BinaryHeaderEncoding.TryDecode(part, out var bytes))
                {
                    return false;
                }

                metadata.Add(new Metadata.Entry(key, bytes));
                if (comma < 0)
                {
                    break;
                }

                remaining = remaining[(comma + 1)..];
            }
        }

        return true;
    }

    private static bool IsValidMetadataKey(string key) => key.Length > 0 && !key.AsSpan().ContainsAnyExcept(MetadataKeyChars);

    /// <summary>
    /// Kestrel names its known headers in canonical case ("Content-Type", "User-Agent"); metadata keys are lower case.
    /// HTTP/2 header names arrive lower case (RFC 9113 8.2.1), so only those few known names need lowering: they are
    /// cached instead of lowered again on every call, which was a measurable per-call allocation (benchmarks.md).
    /// </summary>
    private static string ToLowerCaseKey(string key)
    {
        if (!HasUpperCase(key))
        {
            return key;
        }

        if (LowerCaseKeys.TryGetValue(key, out var lower))
        {
            return lower;
        }

        lower = key.ToLowerInvariant();

        // Bounded: a host other than Kestrel could hand over arbitrary mixed-case names.
        if (LowerCaseKeys.Count < MaxLowerCaseKeys)
        {
            LowerCaseKeys.TryAdd(key, lower);
        }

        return lower;
    }

    private static bool HasUpperCase(string value) => value.AsSpan().ContainsAnyInRange('A', 'Z');

    // Vectorised: a bearer token is a kilobyte or more, checked on every call.
    private static bool IsPrintableAscii(string value) => !value.AsSpan().ContainsAnyExceptInRange(' ', '~');
}
