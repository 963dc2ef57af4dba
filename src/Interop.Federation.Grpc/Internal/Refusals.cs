using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Interop.Grpc;
using Interop.Grpc.AspNetCore;
using Status = Interop.Grpc.Status;
using StatusCode = Interop.Grpc.StatusCode;

namespace Interop.Federation.Grpc.Internal;

/// <summary>The RPC exceptions the interceptor ends refused calls with; what the caller may learn, nothing more.</summary>
internal static class Refusals
{
    /// <summary>The challenge header of RFC 6750 section 3, sent as a trailer (gRPC has no 401 to hang it on).</summary>
    public const string WwwAuthenticate = "www-authenticate";

    /// <summary>Seconds until the rate limit window ends, as HTTP's Retry-After (RFC 9110 section 10.2.3).</summary>
    public const string RetryAfter = "retry-after";

    /// <summary>
    /// UNAUTHENTICATED. RFC 6750 section 3.1: a request without credentials gets a bare challenge; one with bad
    /// credentials gets error="invalid_token".
    /// </summary>
    public static RpcException Unauthenticated(string detail, bool credentialsPresent) => new(
        new Status(StatusCode.Unauthenticated, detail),
        new Metadata { { WwwAuthenticate, credentialsPresent ? "Bearer error=\"invalid_token\"" : "Bearer" } });

    /// <summary>PERMISSION_DENIED for a scope the token lacks, with RFC 6750's insufficient_scope challenge naming it.</summary>
    public static RpcException InsufficientScope(string scope) => new(
        new Status(StatusCode.PermissionDenied, $"The access token lacks the scope '{scope}' this method requires."),
        new Metadata { { WwwAuthenticate, $"Bearer error=\"insufficient_scope\", scope=\"{scope}\"" } });

    /// <summary>PERMISSION_DENIED for anything else (no scope declared, partner disabled).</summary>
    public static RpcException PermissionDenied(string detail) => new(new Status(StatusCode.PermissionDenied, detail));

    /// <summary>
    /// RESOURCE_EXHAUSTED with the time to wait: a retry-after trailer (whole seconds, rounded up) and a google.rpc
    /// QuotaFailure in grpc-status-details-bin. grpc-retry-pushback-ms is not used: it is a grpc- header the
    /// runtime reserves, and it would tell a retrying client to retry within the same exhausted window.
    /// </summary>
    public static RpcException RateLimited(string clientId, int limit, TimeSpan window, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds));
        var message = $"Rate limit of {limit} calls per {window.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s exceeded; retry after {seconds.ToString(CultureInfo.InvariantCulture)} s.";
        var status = new Google.Rpc.Status
        {
            Code = (int)StatusCode.ResourceExhausted,
            Message = message,
            Details =
            {
                Any.Pack(new QuotaFailure
                {
                    Violations = { new QuotaFailure.Types.Violation { Subject = "client:" + clientId, Description = message } },
                }),
            },
        };
        var exception = status.ToRpcException();
        exception.Trailers.Add(RetryAfter, seconds.ToString(CultureInfo.InvariantCulture));
        return exception;
    }

    /// <summary>UNAVAILABLE: a dependency of the checks is down, so the call is refused rather than let through unchecked.</summary>
    public static RpcException Unavailable(string what) =>
        new(new Status(StatusCode.Unavailable, $"The call cannot be authorized now ({what} unavailable); retry later."));
}
