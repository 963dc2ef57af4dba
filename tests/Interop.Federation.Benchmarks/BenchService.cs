using Interop.Federation.Benchmarks.Protos;
using Interop.Federation.Grpc;
using Interop.Grpc;

namespace Interop.Federation.Benchmarks;

/// <summary>
/// Echoes the payload. With authorization on it also reads the caller, as a real handler would, and fails the call when
/// the interceptor set none (so a run can never pass unauthorized by mistake).
/// </summary>
internal sealed class BenchService(NodeSettings settings) : Bench.BenchBase
{
    public override Task<Pong> Call(Ping request, ServerCallContext context)
    {
        if (settings.Mode != AuthorizationMode.None && !context.TryGetHubCaller(out _))
        {
            throw new RpcException(new Status(StatusCode.Internal, "No hub caller on an authorized call."));
        }

        return Task.FromResult(new Pong { Payload = request.Payload });
    }
}
