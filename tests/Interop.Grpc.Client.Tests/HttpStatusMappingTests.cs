using System.Net;
using Interop.Grpc.Client.Tests.TestInfrastructure;

namespace Interop.Grpc.Client.Tests;

/// <summary>grpc/doc/http-grpc-status-mapping.md, for responses without grpc-status.</summary>
public class HttpStatusMappingTests
{
    [Theory]
    [InlineData(400, StatusCode.Internal)]
    [InlineData(401, StatusCode.Unauthenticated)]
    [InlineData(403, StatusCode.PermissionDenied)]
    [InlineData(404, StatusCode.Unimplemented)]
    [InlineData(429, StatusCode.Unavailable)]
    [InlineData(502, StatusCode.Unavailable)]
    [InlineData(503, StatusCode.Unavailable)]
    [InlineData(504, StatusCode.Unavailable)]
    [InlineData(500, StatusCode.Unknown)]
    [InlineData(418, StatusCode.Unknown)]
    public async Task HttpStatus_WithoutGrpcStatus_MapsPerTable(int httpStatus, StatusCode expected)
    {
        var handler = FakeHandler.Returning(() => new HttpResponseMessage((HttpStatusCode)httpStatus)
        {
            Version = HttpVersion.Version20,
            Content = new StringContent("<html>proxy error</html>"),
        });
        using var channel = TestChannel.Create(handler);

        var ex = await TestChannel.ThrowsRpcAsync(() => channel.CreateCallInvoker().AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "ping").ResponseAsync);

        Assert.Equal(expected, ex.StatusCode);
        Assert.Contains(httpStatus.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Status.Detail);
    }

    [Fact]
    public async Task HttpStatus_ErrorWithGrpcStatus_GrpcStatusWins()
    {
        var handler = FakeHandler.Returning(() =>
        {
            var response = FakeHandler.TrailersOnly("8", "slow down");
            response.StatusCode = HttpStatusCode.ServiceUnavailable;
            return response;
        });
        using var channel = TestChannel.Create(handler);

        var ex = await TestChannel.ThrowsRpcAsync(() => channel.CreateCallInvoker().AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "ping").ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
    }

    [Fact]
    public async Task HttpStatus_200WithNonGrpcContentType_ThrowsUnknown()
    {
        var handler = FakeHandler.Returning(() => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Version = HttpVersion.Version20,
            Content = new StringContent("<html/>", System.Text.Encoding.UTF8, "text/html"),
        });
        using var channel = TestChannel.Create(handler);

        using var call = channel.CreateCallInvoker().AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "ping");
        var ex = await TestChannel.ThrowsRpcAsync(() => call.ResponseAsync);

        Assert.Equal(StatusCode.Unknown, ex.StatusCode);
        Assert.Contains("text/html", ex.Status.Detail);
        await TestChannel.ThrowsRpcAsync(() => call.ResponseHeadersAsync);
    }

    [Theory]
    [InlineData("application/grpc+proto")]
    [InlineData("application/grpc;charset=utf-8")]
    public async Task HttpStatus_GrpcContentTypeVariants_Accepted(string contentType)
    {
        var handler = FakeHandler.Returning(() => FakeHandler.GrpcResponse(Frames.Message("pong"), configure: r =>
        {
            r.Content.Headers.Remove("Content-Type");
            r.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }));
        using var channel = TestChannel.Create(handler);

        var response = await channel.CreateCallInvoker().AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "ping").ResponseAsync.WaitAsync(TestMethods.Timeout);

        Assert.Equal("pong", response);
    }
}
