using System.Net;
using Interop.Grpc.Client.Tests.TestInfrastructure;

namespace Interop.Grpc.Client.Tests;

public class StreamingTests
{
    private static readonly TimeSpan Timeout = TestMethods.Timeout;

    private static async Task<List<string>> ReadAllAsync(IAsyncStreamReader<string> reader)
    {
        var messages = new List<string>();
        while (await reader.MoveNext(CancellationToken.None).WaitAsync(Timeout))
        {
            messages.Add(reader.Current);
        }

        return messages;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(1000)]
    public async Task ServerStreaming_ChunksSplitAnywhere_ReadsEveryMessage(int seed)
    {
        var expected = Enumerable.Range(0, 20).Select(i => new string((char)('a' + i), i * 37 % 300)).ToList();
        var body = Frames.Concat(expected.Select(m => Frames.Message(m)).ToArray());
        var random = new Random(seed);
        var chunks = Enumerable.Range(0, 50).Select(_ => random.Next(1, 12)).ToList();
        var handler = FakeHandler.Returning(() =>
        {
            var response = FakeHandler.GrpcResponse([]);
            response.Content = new ChunkedContent(body, chunks);
            response.Content.Headers.TryAddWithoutValidation("Content-Type", "application/grpc");
            return response;
        });
        using var channel = TestChannel.Create(handler);

        using var call = channel.CreateCallInvoker().AsyncServerStreamingCall(TestMethods.ServerStreaming, null, new CallOptions(), "go");
        var messages = await ReadAllAsync(call.ResponseStream);

        Assert.Equal(expected, messages);
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(Timeout));
    }

    [Fact]
    public async Task ServerStreaming_ErrorAfterMessages_ThrowsAfterDeliveringThem()
    {
        var handler = FakeHandler.Returning(() => FakeHandler.GrpcResponse(Frames.Concat(Frames.Message("1"), Frames.Message("2")), status: "10", message: "aborted"));
        using var channel = TestChannel.Create(handler);

        using var call = channel.CreateCallInvoker().AsyncServerStreamingCall(TestMethods.ServerStreaming, null, new CallOptions(), "go");

        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(Timeout));
        Assert.Equal("1", call.ResponseStream.Current);
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(Timeout));
        var ex = await TestChannel.ThrowsRpcAsync(() => call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.Aborted, ex.StatusCode);
        Assert.Equal("aborted", call.GetStatus().Detail);
    }

    [Fact]
    public async Task ServerStreaming_NoMessages_EndsWithOk()
    {
        var handler = FakeHandler.Returning(() => FakeHandler.GrpcResponse([]));
        using var channel = TestChannel.Create(handler);

        using var call = channel.CreateCallInvoker().AsyncServerStreamingCall(TestMethods.ServerStreaming, null, new CallOptions(), "go");

        Assert.Empty(await ReadAllAsync(call.ResponseStream));
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task ServerStreaming_TrailersOnlyOk_IsEmptyStream()
    {
        var handler = FakeHandler.Returning(() => FakeHandler.TrailersOnly("0"));
        using var channel = TestChannel.Create(handler);

        using var call = channel.CreateCallInvoker().AsyncServerStreamingCall(TestMethods.ServerStreaming, null, new CallOptions(), "go");

        Assert.Empty(await ReadAllAsync(call.ResponseStream));
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task ClientStreaming_WritesAndCompletes_ServerSeesEveryMessage()
    {
        var handler = new FakeHandler((_, body, _) =>
            Task.FromResult(FakeHandler.GrpcResponse(Frames.Message(string.Join("+", Frames.Parse(body).Select(m => m.Text))))));
        using var channel = TestChannel.Create(handler);

        using var call = channel.CreateCallInvoker().AsyncClientStreamingCall(TestMethods.ClientStreaming, null, new CallOptions());
        foreach (var message in new[] { "a", "bb", "ccc" })
        {
            await call.RequestStream.WriteAsync(message).WaitAsync(Timeout);
        }

        await call.RequestStream.CompleteAsync().WaitAsync(Timeout);
        var response = await call.ResponseAsync.WaitAsync(Timeout);

        Assert.Equal("a+bb+ccc", response);
        Assert.Equal("application/grpc", Assert.Single(handler.Requests).Request.Content!.Headers.GetValues("Content-Type").Single());
        await Assert.ThrowsAsync<InvalidOperationException>(() => call.RequestStream.WriteAsync("late").WaitAsync(Timeout));
    }

    [Fact]
    public async Task ClientStreaming_WriteAfterComplete_Throws()
    {
        var handler = new FakeHandler(async (_, _, ct) =>
        {
            await Task.Delay(System.Threading.Timeout.InfiniteTimeSpan, ct);
            throw new InvalidOperationException("unreachable");
        });
        using var channel = TestChannel.Create(handler);

        using var call = channel.CreateCallInvoker().AsyncClientStreamingCall(TestMethods.ClientStreaming, null, new CallOptions());
        await call.RequestStream.CompleteAsync().WaitAsync(Timeout);

        await Assert.ThrowsAsync<InvalidOperationException>(() => call.RequestStream.WriteAsync("late").WaitAsync(Timeout));
    }

    [Fact]
    public async Task ClientStreaming_ConcurrentWrite_Throws()
    {
        // The request body is never consumed, so the first write waits for the stream.
        var handler = new HangingBodyHandler();
        using var channel = TestChannel.Create(handler);

        using var call = channel.CreateCallInvoker().AsyncClientStreamingCall(TestMethods.ClientStreaming, null, new CallOptions());
        var first = call.RequestStream.WriteAsync("first");

        await Assert.ThrowsAsync<InvalidOperationException>(() => call.RequestStream.WriteAsync("second").WaitAsync(Timeout));
        call.Dispose();
        var ex = await TestChannel.ThrowsRpcAsync(() => first);
        Assert.Equal(StatusCode.Cancelled, ex.StatusCode);
    }

    [Fact]
    public async Task Duplex_ResponseHeadersBeforeRequestCompletes_ReadsWhileWriting()
    {
        var handler = new EchoDuplexHandler();
        using var channel = TestChannel.Create(handler);

        using var call = channel.CreateCallInvoker().AsyncDuplexStreamingCall(TestMethods.Duplex, null, new CallOptions());
        var headers = await call.ResponseHeadersAsync.WaitAsync(Timeout);
        Assert.Equal("1", headers.GetValue("x-duplex"));
        foreach (var message in new[] { "ping", "pong", "done" })
        {
            await call.RequestStream.WriteAsync(message).WaitAsync(Timeout);
            Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(Timeout));
            Assert.Equal("echo:" + message, call.ResponseStream.Current);
        }

        await call.RequestStream.CompleteAsync().WaitAsync(Timeout);
        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(Timeout));
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    /// <summary>Answers at once with headers, then echoes each request message as it arrives; ends when the request ends.</summary>
    private sealed class EchoDuplexHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var pipe = new System.IO.Pipelines.Pipe();
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Version = HttpVersion.Version20 };
            response.Headers.TryAddWithoutValidation("x-duplex", "1");
            response.TrailingHeaders.TryAddWithoutValidation("grpc-status", "0");
            response.Content = new StreamContent(pipe.Reader.AsStream());
            response.Content.Headers.TryAddWithoutValidation("Content-Type", "application/grpc");
            _ = Task.Run(async () =>
            {
                var requestBody = new System.IO.Pipelines.Pipe();
                var copy = request.Content!.CopyToAsync(requestBody.Writer.AsStream(), cancellationToken)
                    .ContinueWith(_ => requestBody.Writer.Complete(), TaskScheduler.Default);
                await using var input = requestBody.Reader.AsStream();
                var header = new byte[5];
                while (await input.ReadAtLeastAsync(header, 5, throwOnEndOfStream: false, cancellationToken) == 5)
                {
                    var payload = new byte[System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(1))];
                    await input.ReadExactlyAsync(payload, cancellationToken);
                    await pipe.Writer.WriteAsync(Frames.Message("echo:" + System.Text.Encoding.UTF8.GetString(payload)), cancellationToken);
                }

                await copy;
                await pipe.Writer.CompleteAsync();
            }, cancellationToken);
            return Task.FromResult(response);
        }
    }

    /// <summary>Never reads the request body and never answers.</summary>
    private sealed class HangingBodyHandler : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(System.Threading.Timeout.InfiniteTimeSpan, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }
}
