using Google.Protobuf.WellKnownTypes;
using Interop.Grpc.AspNetCore.Tests.Functional.Infrastructure;

namespace Interop.Grpc.AspNetCore.Tests.Functional;

/// <summary>
/// Malformed requests end with the exact status, and the server keeps serving: each is followed by a good call on the
/// same HttpClient (one HTTP/2 connection).
/// </summary>
public class BadInputTests
{
    private static readonly byte[] GoodFrame = GrpcWire.Frame(new StringValue { Value = "ok" });

    public static TheoryData<string, byte[], string?, string?, StatusCode> Cases => new()
    {
        { "truncated length prefix", [0, 0, 0], null, null, StatusCode.Internal },
        { "length larger than body", [0, 0, 0, 0, 50, 1, 2, 3], null, null, StatusCode.Internal },
        { "compressed flag without grpc-encoding", GrpcWire.RawFrame(Interop.Grpc.Shared.GzipCompression.Compress(GoodFrame[5..]), compressedFlag: true), null, null, StatusCode.Internal },
        { "compressed flag with identity encoding", GrpcWire.RawFrame(GoodFrame[5..], compressedFlag: true), "grpc-encoding", "identity", StatusCode.Internal },
        { "corrupt gzip", GrpcWire.RawFrame([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0, 0xde, 0xad, 0xbe, 0xef], compressedFlag: true), "grpc-encoding", "gzip", StatusCode.Internal },
        { "invalid compressed flag", [7, 0, 0, 0, 0], null, null, StatusCode.Internal },
        { "oversized message", GrpcWire.Frame(new StringValue { Value = new string('x', 2048) }), null, null, StatusCode.ResourceExhausted },
        { "gzip bomb", GrpcWire.Frame(new BytesValue { Value = Google.Protobuf.ByteString.CopyFrom(new byte[100_000]) }, compress: true), "grpc-encoding", "gzip", StatusCode.ResourceExhausted },
        { "malformed grpc-timeout", GoodFrame, "grpc-timeout", "1x", StatusCode.Internal },
        { "grpc-timeout too many digits", GoodFrame, "grpc-timeout", "123456789S", StatusCode.Internal },
        { "malformed -bin metadata", GoodFrame, "x-data-bin", "!!not base64!!", StatusCode.Internal },
        { "no request message", [], null, null, StatusCode.Internal },
        { "two request messages", [.. GoodFrame, .. GoodFrame], null, null, StatusCode.Internal },
        { "not a protobuf message", GrpcWire.RawFrame([0xff, 0xff, 0xff], compressedFlag: false), null, null, StatusCode.Internal },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task BadInput_ReturnsExactStatus_ThenServerKeepsServing(string scenario, byte[] body, string? header, string? value, StatusCode expected)
    {
        await using var server = await GrpcTestServer.StartAsync(o => o.MaxReceiveMessageSize = 1024);
        var request = GrpcWire.Request(TestServiceBase.EchoMethod, body);
        if (header is not null)
        {
            request.Headers.TryAddWithoutValidation(header, value);
        }

        var response = await server.Client.CallAsync(request);
        Assert.True(response.Status == expected, $"{scenario}: expected {expected}, got {response.Status} '{response.Message}'.");
        Assert.Empty(response.Messages);
        Assert.Equal(0, server.State.HandlerCalls);

        var good = await server.Client.CallAsync(GrpcWire.Request(TestServiceBase.EchoMethod, GoodFrame));
        good.AssertStatus(StatusCode.OK);
        Assert.Equal("ok", good.Single(StringValue.Parser).Value);
    }

    [Fact]
    public async Task MalformedTimeout_MessageNamesIt()
    {
        await using var server = await GrpcTestServer.StartAsync();
        var request = GrpcWire.Request(TestServiceBase.EchoMethod, GoodFrame);
        request.Headers.TryAddWithoutValidation("grpc-timeout", "soon");
        var response = await server.Client.CallAsync(request);
        Assert.True(response.TrailersOnly);
        response.AssertStatus(StatusCode.Internal);
        Assert.Equal("malformed grpc-timeout", response.Message);
    }

    [Fact]
    public async Task OversizedResponse_ReturnsResourceExhausted()
    {
        await using var server = await GrpcTestServer.StartAsync(o => o.MaxSendMessageSize = 100);
        var response = await server.Client.CallAsync(GrpcWire.Request(TestServiceBase.EchoMethod, GrpcWire.Frame(new StringValue { Value = new string('y', 200) })));
        response.AssertStatus(StatusCode.ResourceExhausted);
        Assert.Empty(response.Messages);
    }

    [Fact]
    public async Task ClientStreaming_TruncatedSecondMessage_ReturnsInternal()
    {
        await using var server = await GrpcTestServer.StartAsync();
        var response = await server.Client.CallAsync(GrpcWire.Request(TestServiceBase.ConcatMethod, [.. GoodFrame, 0, 0, 0, 0, 9, 1]));
        response.AssertStatus(StatusCode.Internal);
        var good = await server.Client.CallAsync(GrpcWire.Request(TestServiceBase.ConcatMethod, GoodFrame));
        good.AssertStatus(StatusCode.OK);
    }
}
