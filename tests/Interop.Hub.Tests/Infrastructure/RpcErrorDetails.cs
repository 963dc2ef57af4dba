using Google.Rpc;
using Interop.Grpc;

namespace Interop.Hub.Tests.Infrastructure;

/// <summary>Reads the google.rpc.Status a server sent in grpc-status-details-bin.</summary>
public static class RpcErrorDetails
{
    /// <summary>The BadRequest detail of <paramref name="exception"/>; fails the test when there is none.</summary>
    public static BadRequest GetBadRequest(RpcException exception)
    {
        var bytes = exception.Trailers.GetValueBytes("grpc-status-details-bin");
        Assert.True(bytes is not null, "No grpc-status-details-bin trailer.");
        var status = Google.Rpc.Status.Parser.ParseFrom(bytes);
        Assert.Equal((int)exception.StatusCode, status.Code);
        var detail = Assert.Single(status.Details, d => d.Is(BadRequest.Descriptor));
        return detail.Unpack<BadRequest>();
    }
}
