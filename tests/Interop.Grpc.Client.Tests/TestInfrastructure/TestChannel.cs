namespace Interop.Grpc.Client.Tests.TestInfrastructure;

internal static class TestChannel
{
    public static GrpcChannel Create(HttpMessageHandler handler, Action<GrpcChannelOptions>? configure = null)
    {
        var options = new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true };
        configure?.Invoke(options);
        return GrpcChannel.ForAddress("http://localhost", options);
    }

    public static async Task<RpcException> ThrowsRpcAsync(Func<Task> action)
    {
        return await Assert.ThrowsAsync<RpcException>(() => action().WaitAsync(TestMethods.Timeout));
    }
}
