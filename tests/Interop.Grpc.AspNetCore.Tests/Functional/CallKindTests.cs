using System.Net;
using Google.Protobuf.WellKnownTypes;
using Interop.Grpc.AspNetCore.Tests.Functional.Infrastructure;

namespace Interop.Grpc.AspNetCore.Tests.Functional;

public class CallKindTests
{
    [Fact]
    public async Task Unary_ValidRequest_ReturnsMessageAndOk()
    {
        await using var server = await GrpcTestServer.StartAsync();
        var response = await server.Client.CallAsync(GrpcWire.Request(TestServiceBase.EchoMethod, GrpcWire.Frame(new StringValue { Value = "hello" })));

        Assert.Equal(HttpStatusCode.OK, response.HttpStatus);
        Assert.Equal("application/grpc", response.ContentHeaders.ContentType?.MediaType);
        Assert.False(response.TrailersOnly);
        response.AssertStatus(StatusCode.OK);
        Assert.Equal("hello", response.Single(StringValue.Parser).Value);
        Assert.Equal("identity,gzip", response.Header("grpc-accept-encoding"));
    }

    [Theory]
    [InlineData("application/grpc+proto")]
    [InlineData("application/grpc; charset=utf-8")]
    public async Task Unary_GrpcContentTypeVariants_Accepted(string contentType)
    {
        await using var server = await GrpcTestServer.StartAsync();
        var response = await server.Client.CallAsync(GrpcWire.Request(TestServiceBase.EchoMethod.FullName, new ByteArrayContent(GrpcWire.Frame(new StringValue { Value = "x" })), contentType));
        response.AssertStatus(StatusCode.OK);
    }

    [Fact]
    public async Task Unary_LargeMessage_RoundTrips()
    {
        await using var server = await GrpcTestServer.StartAsync();
        var value = new string('x', 3 * 1024 * 1024);
        var response = await server.Client.CallAsync(GrpcWire.Request(TestServiceBase.EchoMethod, GrpcWire.Frame(new StringValue { Value = value })));
        response.AssertStatus(StatusCode.OK);
        Assert.Equal(value, response.Single(StringValue.Parser).Value);
    }

    [Fact]
    public async Task ClientStreaming_SeveralMessages_ReturnsOneResponse()
    {
        await using var server = await GrpcTestServer.StartAsync();
        var body = new List<byte>();
        foreach (var value in new[] { "a", "b", "c" })
        {
            body.AddRange(GrpcWire.Frame(new StringValue { Value = value }));
        }

        var response = await server.Client.CallAsync(GrpcWire.Request(TestServiceBase.ConcatMethod, body.ToArray()));
        response.AssertStatus(StatusCode.OK);
        Assert.Equal("a,b,c", response.Single(StringValue.Parser).Value);
    }

    [Fact]
    public async Task ClientStreaming_NoMessages_ReturnsEmptyConcat()
    {
        await using var server = await GrpcTestServer.StartAsync();
        var response = await server.Client.CallAsync(GrpcWire.Request(TestServiceBase.ConcatMethod, []));
        response.AssertStatus(StatusCode.OK);
        Assert.Equal(string.Empty, response.Single(StringValue.Parser).Value);
    }

    [Fact]
    public async Task ServerStreaming_SplitsIntoMessages()
    {
        await using var server = await GrpcTestServer.StartAsync();
        var response = await server.Client.CallAsync(GrpcWire.Request(TestServiceBase.SplitMethod, GrpcWire.Frame(new StringValue { Value = "a,b,c" })));
        response.AssertStatus(StatusCode.OK);
        Assert.Equal(["a", "b", "c"], response.Messages.Select(m => StringValue.Parser.ParseFrom(m.Data).Value));
    }

    [Fact]
    public async Task ServerStreaming_NoMessages_IsTrailersOnlyOk()
    {
        await using var server = await GrpcTestServer.StartAsync();
        var response = await server.Client.CallAsync(GrpcWire.Request(TestServiceBase.SplitMethod, GrpcWire.Frame(new StringValue { Value = "" })));
        Assert.True(response.TrailersOnly);
        response.AssertStatus(StatusCode.OK);
        Assert.Empty(response.Body);
    }

    [Fact]
    public async Task ServerStreaming_ErrorAfterMessages_SendsMessagesThenStatusInTrailers()
    {
        await using var server = await GrpcTestServer.StartAsync();
        var response = await server.Client.CallAsync(GrpcWire.Request(TestServiceBase.SplitMethod, GrpcWire.Frame(new StringValue { Value = "a,b,fail" })));
        Assert.False(response.TrailersOnly);
        Assert.Equal(2, response.Messages.Count);
        response.AssertStatus(StatusCode.Aborted);
        Assert.Equal("failed mid-stream", response.Message);
    }

    [Fact]
    public async Task Duplex_PingPong_EchoesEachMessageAsItArrives()
    {
        await using var server = await GrpcTestServer.StartAsync();
        var content = new PushContent();
        var request = GrpcWire.Request(TestServiceBase.ChatMethod.FullName, content);
        var responseTask = server.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

        content.Write(GrpcWire.Frame(new StringValue { Value = "one" }));
        using var response = await responseTask.WaitAsync(GrpcTestServer.Timeout);
        var body = await response.Content.ReadAsStreamAsync();
        var first = await GrpcWire.ReadFrameAsync(body);
        Assert.Equal("echo:one", StringValue.Parser.ParseFrom(first!.Value.Data).Value);

        // The second request is only sent after the first response arrived: proof of full duplex.
        content.Write(GrpcWire.Frame(new StringValue { Value = "two" }));
        var second = await GrpcWire.ReadFrameAsync(body);
        Assert.Equal("echo:two", StringValue.Parser.ParseFrom(second!.Value.Data).Value);

        content.Complete();
        Assert.Null(await GrpcWire.ReadFrameAsync(body));
        Assert.Equal("0", response.TrailingHeaders.GetValues("grpc-status").Single());
    }

    [Fact]
    public async Task Duplex_ClientClosesImmediately_IsTrailersOnlyOk()
    {
        await using var server = await GrpcTestServer.StartAsync();
        var response = await server.Client.CallAsync(GrpcWire.Request(TestServiceBase.ChatMethod, []));
        Assert.True(response.TrailersOnly);
        response.AssertStatus(StatusCode.OK);
    }
}
