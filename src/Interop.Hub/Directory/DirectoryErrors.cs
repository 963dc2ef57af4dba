using System.Diagnostics.CodeAnalysis;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Interop.Grpc;
using Interop.Grpc.AspNetCore;
using StatusCode = Interop.Grpc.StatusCode;

namespace Interop.Hub.PartnerDirectory;

/// <summary>The ways a Directory call fails, each with its status.</summary>
internal static class DirectoryErrors
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

    /// <summary>NOT_FOUND: no enabled partner has this OIN (disabled ones are not told apart, by directory.proto).</summary>
    [DoesNotReturn]
    public static void PartnerNotFound(string oin) =>
        throw new RpcException(new Interop.Grpc.Status(StatusCode.NotFound, $"No partner with OIN {oin}."));
}
