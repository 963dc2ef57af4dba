using Interop.Grpc.Client.Tests.TestInfrastructure;

namespace Interop.Grpc.Client.Tests;

public class ConcurrencyTests
{
    [Fact]
    public async Task Unary_ManyConcurrentCallsOnOneChannel_EachGetsItsOwnResponse()
    {
        var handler = new FakeHandler(async (_, body, _) =>
        {
            await Task.Yield();
            return FakeHandler.GrpcResponse(Frames.Message("re:" + Frames.Parse(body).Single().Text));
        });
        using var channel = TestChannel.Create(handler);
        var invoker = channel.CreateCallInvoker();

        var calls = Enumerable.Range(0, 500)
            .Select(i => Task.Run(() => invoker.AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "m" + i).ResponseAsync))
            .ToArray();
        var responses = await Task.WhenAll(calls).WaitAsync(TestMethods.Timeout);

        Assert.Equal(Enumerable.Range(0, 500).Select(i => "re:m" + i), responses);
        Assert.Equal(500, handler.RequestCount);
    }
}
