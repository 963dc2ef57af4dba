using Grpc.Reflection.V1;

namespace Interop.Grpc.Reflection.Tests;

/// <summary>One running ServerReflectionInfo call: send a request, read its response.</summary>
public sealed class ReflectionSession
{
    private readonly ChannelStreamReader<ServerReflectionRequest> _requests = new();
    private readonly ChannelStreamWriter<ServerReflectionResponse> _responses = new();

    public ReflectionSession(ReflectionServiceImpl service) =>
        Call = service.ServerReflectionInfo(_requests, _responses, new TestServerCallContext());

    public Task Call { get; }

    public Task<ServerReflectionResponse> AskAsync(ServerReflectionRequest request)
    {
        _requests.Send(request);
        return _responses.ReadNextAsync();
    }

    public Task EndAsync()
    {
        _requests.Complete();
        return Call.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
