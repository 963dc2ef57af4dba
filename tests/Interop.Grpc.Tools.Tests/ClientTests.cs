using Grpc.Testing;
using Interop.Grpc.Tools.Tests.Fakes;

namespace Interop.Grpc.Tools.Tests;

public sealed class ClientTests
{
    private static readonly DateTime Deadline = new(2030, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    [Fact]
    public void UnaryCall_HeadersDeadlineToken_PassedAsCallOptions()
    {
        var invoker = new RecordingCallInvoker();
        var client = new TestService.TestServiceClient(invoker);
        var headers = new Metadata { { "x-test", "1" } };
        using var cts = new CancellationTokenSource();
        var request = new SimpleRequest { ResponseSize = 7 };

        using var call = client.UnaryCallAsync(request, headers, Deadline, cts.Token);

        Assert.Equal(nameof(CallInvoker.AsyncUnaryCall), invoker.Kind);
        Assert.Same(TestService.UnaryCallMethod, invoker.Method);
        Assert.Null(invoker.Host);
        Assert.Same(request, invoker.Request);
        Assert.Same(headers, invoker.Options.Headers);
        Assert.Equal(Deadline, invoker.Options.Deadline);
        Assert.Equal(cts.Token, invoker.Options.CancellationToken);
    }

    [Fact]
    public void UnaryCall_CallOptions_PassedUnchanged()
    {
        var invoker = new RecordingCallInvoker();
        var client = new TestService.TestServiceClient(invoker);
        var options = new CallOptions(new Metadata(), Deadline, writeOptions: new WriteOptions(WriteFlags.NoCompress));

        using var call = client.EmptyCallAsync(new Empty(), options);

        Assert.Same(TestService.EmptyCallMethod, invoker.Method);
        Assert.Same(options.Headers, invoker.Options.Headers);
        Assert.Same(options.WriteOptions, invoker.Options.WriteOptions);
        Assert.Equal(Deadline, invoker.Options.Deadline);
    }

    [Fact]
    public void UnaryCall_NoArguments_DefaultOptions()
    {
        var invoker = new RecordingCallInvoker();

        using var call = new TestService.TestServiceClient(invoker).EmptyCallAsync(new Empty());

        Assert.Null(invoker.Options.Headers);
        Assert.Null(invoker.Options.Deadline);
        Assert.Equal(CancellationToken.None, invoker.Options.CancellationToken);
    }

    [Fact]
    public void ServerStreamingCall_StartsServerStreamingWithRequest()
    {
        var invoker = new RecordingCallInvoker();
        var request = new StreamingOutputCallRequest();

        using var call = new TestService.TestServiceClient(invoker).StreamingOutputCall(request, deadline: Deadline);

        Assert.Equal(nameof(CallInvoker.AsyncServerStreamingCall), invoker.Kind);
        Assert.Same(TestService.StreamingOutputCallMethod, invoker.Method);
        Assert.Same(request, invoker.Request);
        Assert.Equal(Deadline, invoker.Options.Deadline);
    }

    [Fact]
    public void ClientStreamingCall_StartsClientStreaming()
    {
        var invoker = new RecordingCallInvoker();
        var headers = new Metadata();

        using var call = new TestService.TestServiceClient(invoker).StreamingInputCall(new CallOptions(headers));

        Assert.Equal(nameof(CallInvoker.AsyncClientStreamingCall), invoker.Kind);
        Assert.Same(TestService.StreamingInputCallMethod, invoker.Method);
        Assert.Same(headers, invoker.Options.Headers);
    }

    [Fact]
    public void DuplexCall_StartsDuplexStreaming()
    {
        var invoker = new RecordingCallInvoker();
        using var cts = new CancellationTokenSource();

        using var call = new TestService.TestServiceClient(invoker).FullDuplexCall(cancellationToken: cts.Token);

        Assert.Equal(nameof(CallInvoker.AsyncDuplexStreamingCall), invoker.Kind);
        Assert.Same(TestService.FullDuplexCallMethod, invoker.Method);
        Assert.Equal(cts.Token, invoker.Options.CancellationToken);
    }

    [Fact]
    public void Client_FromChannel_UsesChannelsCallInvoker()
    {
        var invoker = new RecordingCallInvoker();
        var client = new TestService.TestServiceClient(new FakeChannel(invoker));

        using var call = client.HalfDuplexCall();

        Assert.Same(TestService.HalfDuplexCallMethod, invoker.Method);
    }

    private sealed class FakeChannel(CallInvoker invoker) : ChannelBase("fake")
    {
        public override CallInvoker CreateCallInvoker() => invoker;
    }
}
