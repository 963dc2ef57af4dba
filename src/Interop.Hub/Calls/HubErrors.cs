using System.Diagnostics.CodeAnalysis;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Interop.Grpc;
using Interop.Grpc.AspNetCore;
using StatusCode = Interop.Grpc.StatusCode;

namespace Interop.Hub.Calls;

/// <summary>
/// The one place that turns the hub's refusals into gRPC statuses. Services throw through these helpers (or
/// <see cref="Violations.ThrowIfAny"/>) and nothing else; <see cref="HubExceptionInterceptor"/> maps what escapes.
/// </summary>
internal static class HubErrors
{
    /// <summary>INVALID_ARGUMENT listing every violation as google.rpc.BadRequest in grpc-status-details-bin.</summary>
    [DoesNotReturn]
    public static void InvalidArgument(IReadOnlyList<BadRequest.Types.FieldViolation> violations)
    {
        var badRequest = new BadRequest();
        badRequest.FieldViolations.AddRange(violations);
        throw new Google.Rpc.Status
        {
            Code = (int)StatusCode.InvalidArgument,
            Message = "Invalid request: " + string.Join("; ", violations.Select(v => v.Field + ": " + v.Description)),
            Details = { Any.Pack(badRequest) },
        }.ToRpcException();
    }

    /// <summary>INVALID_ARGUMENT for one field.</summary>
    [DoesNotReturn]
    public static void InvalidArgument(string field, string description) =>
        InvalidArgument([new BadRequest.Types.FieldViolation { Field = field, Description = description }]);

    /// <summary>NOT_FOUND: the thing does not exist, or exists but the caller may not know of it.</summary>
    [DoesNotReturn]
    public static void NotFound(string message) => throw new RpcException(new Interop.Grpc.Status(StatusCode.NotFound, message));

    /// <summary>
    /// FAILED_PRECONDITION with a google.rpc.PreconditionFailure naming the violated condition (type, subject): an
    /// illegal state transition, expired consent, a partner that does not accept this.
    /// </summary>
    [DoesNotReturn]
    public static void FailedPrecondition(string type, string subject, string description)
    {
        var failure = new PreconditionFailure { Violations = { new PreconditionFailure.Types.Violation { Type = type, Subject = subject, Description = description } } };
        throw new Google.Rpc.Status
        {
            Code = (int)StatusCode.FailedPrecondition,
            Message = description,
            Details = { Any.Pack(failure) },
        }.ToRpcException();
    }

    /// <summary>ABORTED: expected_version does not match the stored version (someone else changed it first).</summary>
    [DoesNotReturn]
    public static void VersionConflict(string what, long expected, long actual) =>
        throw new RpcException(new Interop.Grpc.Status(StatusCode.Aborted, $"{what} is at version {actual}, not the expected {expected}: read it again and retry."));

    /// <summary>PERMISSION_DENIED: the caller is known but may not do this (no legal basis, another organisation's case).</summary>
    [DoesNotReturn]
    public static void PermissionDenied(string message) => throw new RpcException(new Interop.Grpc.Status(StatusCode.PermissionDenied, message));

    /// <summary>ALREADY_EXISTS: e.g. an idempotency key reused with a different request.</summary>
    [DoesNotReturn]
    public static void AlreadyExists(string message) => throw new RpcException(new Interop.Grpc.Status(StatusCode.AlreadyExists, message));
}
