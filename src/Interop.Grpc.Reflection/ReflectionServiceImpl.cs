using Google.Protobuf.Reflection;
using Grpc.Reflection.V1;
using Interop.Grpc.Reflection.Internal;

namespace Interop.Grpc.Reflection;

/// <summary>
/// grpc.reflection.v1.ServerReflection: answers each request of the bidirectional stream in order, until the
/// client half-closes.
/// </summary>
public sealed class ReflectionServiceImpl : ServerReflection.ServerReflectionBase
{
    private readonly Func<ReflectionIndex> _index;

    /// <summary>Describes exactly <paramref name="services"/> (and the files they need).</summary>
    public ReflectionServiceImpl(IEnumerable<ServiceDescriptor> services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var list = services.ToList();
        var index = ReflectionIndex.Create(list.Select(s => s.FullName), list.Select(s => s.File));
        _index = () => index;
    }

    internal ReflectionServiceImpl(ReflectionIndexProvider provider) => _index = provider.GetIndex;

    /// <inheritdoc />
    public override async Task ServerReflectionInfo(
        IAsyncStreamReader<ServerReflectionRequest> requestStream,
        IServerStreamWriter<ServerReflectionResponse> responseStream,
        ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(requestStream);
        ArgumentNullException.ThrowIfNull(responseStream);
        ArgumentNullException.ThrowIfNull(context);
        while (await requestStream.MoveNext(context.CancellationToken).ConfigureAwait(false))
        {
            var response = ReflectionRequestHandler.Handle(_index(), requestStream.Current);
            await responseStream.WriteAsync(response, context.CancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Answers one request; shared with the v1alpha service.</summary>
    internal ServerReflectionResponse Handle(ServerReflectionRequest request) => ReflectionRequestHandler.Handle(_index(), request);
}
