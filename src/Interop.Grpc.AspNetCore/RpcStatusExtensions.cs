using Google.Protobuf;
using Interop.Grpc.Shared;

namespace Interop.Grpc.AspNetCore;

/// <summary>Rich errors: a <c>google.rpc.Status</c> (with details such as BadRequest) sent in grpc-status-details-bin.</summary>
public static class RpcStatusExtensions
{
    /// <summary>
    /// An <see cref="RpcException"/> whose status is <paramref name="status"/>'s code and message, and whose trailers
    /// carry the serialized status as grpc-status-details-bin, so clients can read its details. Throw it from a handler.
    /// </summary>
    public static RpcException ToRpcException(this Google.Rpc.Status status)
    {
        ArgumentNullException.ThrowIfNull(status);
        if (status.Code == (int)StatusCode.OK)
        {
            throw new ArgumentException("A google.rpc.Status with code OK is not an error.", nameof(status));
        }

        var trailers = new Metadata { { GrpcProtocolConstants.StatusDetailsTrailer, status.ToByteArray() } };
        return new RpcException(new Status((StatusCode)status.Code, status.Message), trailers);
    }
}
