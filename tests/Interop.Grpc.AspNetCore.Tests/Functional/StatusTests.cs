using System.Net;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Interop.Grpc.AspNetCore.Internal;
using Interop.Grpc.AspNetCore.Tests.Functional.Infrastructure;
using Interop.Grpc.Shared;

namespace Interop.Grpc.AspNetCore.Tests.Functional;

public class StatusTests
{
    private static HttpRequestMessage Fail(string value) =>
        GrpcWire.Request(TestServiceBase.FailMethod, GrpcWire.Frame(new StringValue { Value = value }));

    [Fact]
    public async Task ImmediateError_IsTrailersOnly()
    {
        await using var server = await GrpcTestServer.StartAsync();
        var response = await server.Client.CallAsync(Fail("status:5:missing"));

        Assert.Equal(HttpStatusCode.OK, response.HttpStatus);
        Assert.True(response.TrailersOnly);
        Assert.Empty(response.Body);
        Assert.Equal("application/grpc", response.ContentHeaders.ContentType?.MediaType);
        response.AssertStatus(StatusCode.NotFound);
        Assert.Equal("missing", response.Message);
    }

    [Fact]
    public async Task ErrorAfterHeaders_StatusGoesInTrailers()
    {
        await using var server = await GrpcTestServer.StartAsync();
        var response = await server.Client.CallAsync(Fail("after-headers"));
        Assert.False(response.TrailersOnly);
        Assert.Equal("1", response.Header("x-early"));
        response.AssertStatus(StatusCode.FailedPrecondition);
    }

    [Fact]
    public async Task GrpcMessage_UnicodeAndControlChars_ArePercentEncoded()
    {
        await using var server = await GrpcTestServer.StartAsync();
        const string detail = "\t\ntest with whitespace\r\nand Unicode BMP \u263a and non-BMP \U0001F608\t\n 100%";
        var response = await server.Client.CallAsync(Fail("status:2:" + detail));

        response.AssertStatus(StatusCode.Unknown);
        Assert.All(response.RawMessage!, c => Assert.InRange(c, ' ', '~'));
        Assert.Contains("%25", response.RawMessage);
        Assert.Equal(detail, response.Message);
    }

    [Fact]
    public async Task StatusDetails_GoogleRpcStatus_RoundTripsInTrailer()
    {
        await using var server = await GrpcTestServer.StartAsync();
        var response = await server.Client.CallAsync(Fail("details"));

        response.AssertStatus(StatusCode.InvalidArgument);
        Assert.Equal("bad request", response.Message);
        var encoded = response.Trailer("grpc-status-details-bin");
        Assert.NotNull(encoded);
        Assert.DoesNotContain("=", encoded);
        Assert.True(BinaryHeaderEncoding.TryDecode(encoded, out var bytes));
        var status = Google.Rpc.Status.Parser.ParseFrom(bytes);
        Assert.Equal((int)StatusCode.InvalidArgument, status.Code);
        var badRequest = status.Details.Single().Unpack<BadRequest>();
        Assert.Equal("name", badRequest.FieldViolations.Single().Field);
    }

    [Fact]
    public async Task ContextStatus_SetByHandler_IsSentWithTrailers()
    {
        await using var server = await GrpcTestServer.StartAsync();
        var response = await server.Client.CallAsync(Fail("context-status"));
        response.AssertStatus(StatusCode.NotFound);
        Assert.Equal("nope", response.Message);
        Assert.Equal("set", response.Trailer("x-trailer"));
    }

    [Fact]
    public async Task HandlerException_ReturnsUnknownWithoutDetail()
    {
        await using var server = await GrpcTestServer.StartAsync();
        server.Logs.ExpectError(5);
        var response = await server.Client.CallAsync(Fail("throw"));

        response.AssertStatus(StatusCode.Unknown);
        Assert.Equal("Exception was thrown by handler.", response.Message);
        Assert.Contains(server.Logs.Entries, e => e.EventId.Id == 5 && e.Exception is InvalidOperationException);
    }

    [Fact]
    public async Task HandlerException_DetailedErrors_IncludesDetail()
    {
        await using var server = await GrpcTestServer.StartAsync(o => o.EnableDetailedErrors = true);
        server.Logs.ExpectError(5);
        var response = await server.Client.CallAsync(Fail("throw"));

        response.AssertStatus(StatusCode.Unknown);
        Assert.Equal("Exception was thrown by handler. InvalidOperationException: secret detail", response.Message);
    }

    [Fact]
    public async Task UnimplementedMethodInBase_ReturnsUnimplemented()
    {
        await using var server = await GrpcTestServer.StartAsync();
        var response = await server.Client.CallAsync(GrpcWire.Request(TestServiceBase.UnimplementedMethod, GrpcWire.Frame(new StringValue())));
        Assert.True(response.TrailersOnly);
        response.AssertStatus(StatusCode.Unimplemented);
    }

    [Fact]
    public async Task UnknownService_ReturnsUnimplemented()
    {
        await using var server = await GrpcTestServer.StartAsync();
        var response = await server.Client.CallAsync(GrpcWire.Request("/no.such.Service/Method", new ByteArrayContent(GrpcWire.Frame(new StringValue()))));
        Assert.Equal(HttpStatusCode.OK, response.HttpStatus);
        Assert.True(response.TrailersOnly);
        response.AssertStatus(StatusCode.Unimplemented);
        Assert.Equal("Service is unimplemented.", response.Message);
    }

    [Fact]
    public async Task UnknownMethod_ReturnsUnimplemented()
    {
        await using var server = await GrpcTestServer.StartAsync();
        var response = await server.Client.CallAsync(GrpcWire.Request($"/{TestServiceBase.ServiceName}/NoSuchMethod", new ByteArrayContent(GrpcWire.Frame(new StringValue()))));
        Assert.True(response.TrailersOnly);
        response.AssertStatus(StatusCode.Unimplemented);
        Assert.Equal("Method is unimplemented.", response.Message);
    }

    [Fact]
    public async Task NonGrpcContentType_Returns415()
    {
        await using var server = await GrpcTestServer.StartAsync();
        var response = await server.Client.CallAsync(GrpcWire.Request(TestServiceBase.EchoMethod.FullName, new ByteArrayContent(GrpcWire.Frame(new StringValue())), "application/json"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.HttpStatus);
        Assert.Equal("13", response.Header("grpc-status"));
    }

    [Fact]
    public async Task Http11Request_Returns426()
    {
        await using var server = await GrpcTestServer.StartAsync(protocols: Microsoft.AspNetCore.Server.Kestrel.Core.HttpProtocols.Http1AndHttp2);
        var request = GrpcWire.Request(TestServiceBase.EchoMethod, GrpcWire.Frame(new StringValue()));
        request.Version = HttpVersion.Version11;
        request.Headers.TE.Clear();
        using var response = await server.Client.SendAsync(request).WaitAsync(GrpcTestServer.Timeout);
        Assert.Equal(HttpStatusCode.UpgradeRequired, response.StatusCode);
        Assert.Equal("13", response.Headers.GetValues("grpc-status").Single());
    }

    [Fact]
    public async Task Options_Invalid_FailAtStartNamingEverySetting()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => GrpcTestServer.StartAsync(o =>
        {
            o.MaxReceiveMessageSize = 0;
            o.MaxSendMessageSize = -1;
            o.ResponseCompressionAlgorithm = "br";
        }));
        Assert.Contains("MaxReceiveMessageSize", error.Message);
        Assert.Contains("MaxSendMessageSize", error.Message);
        Assert.Contains("ResponseCompressionAlgorithm", error.Message);
    }

    [Fact]
    public void Peer_FormatsIpv4AndIpv6()
    {
        Assert.Equal("ipv4:127.0.0.1:1234", HttpContextServerCallContext.FormatPeer(IPAddress.Loopback, 1234));
        Assert.Equal("ipv6:[::1]:1234", HttpContextServerCallContext.FormatPeer(IPAddress.IPv6Loopback, 1234));
        Assert.Equal("ipv4:127.0.0.1:1", HttpContextServerCallContext.FormatPeer(IPAddress.Loopback.MapToIPv6(), 1));
    }
}
