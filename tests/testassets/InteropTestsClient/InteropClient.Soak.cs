namespace InteropTestsClient;

/// <summary>The soak and concurrency cases, with small iteration counts (--soak_iterations, default 10).</summary>
public sealed partial class InteropClient
{
    private async Task RpcSoakAsync()
    {
        // rpc_soak: large_unary repeatedly on one channel.
        for (var i = 0; i < _options.SoakIterations; i++)
        {
            await LargeUnaryAsync(_client);
        }
    }

    private async Task ChannelSoakAsync()
    {
        // channel_soak: large_unary repeatedly, each on a new channel (a new connection every time).
        for (var i = 0; i < _options.SoakIterations; i++)
        {
            using var channel = _channels.Create();
            await LargeUnaryAsync(new Grpc.Testing.TestService.TestServiceClient(channel));
        }
    }

    private async Task ConcurrentLargeUnaryAsync()
    {
        // concurrent_large_unary: many large_unary calls in parallel on the same channel (16 here, not 1000).
        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => LargeUnaryAsync(_client)));
    }
}
