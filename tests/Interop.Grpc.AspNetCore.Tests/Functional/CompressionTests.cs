using System.Text;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Interop.Grpc.AspNetCore.Tests.Functional.Infrastructure;

namespace Interop.Grpc.AspNetCore.Tests.Functional;

public class CompressionTests
{
    private static readonly BytesValue Payload = new() { Value = ByteString.CopyFrom(Encoding.ASCII.GetBytes(new string('z', 5000))) };

    [Fact]
    public async Task Gzip_BothWays_RequestDecompressedAndResponseCompressed()
    {
        await using var server = await GrpcTestServer.StartAsync();
        var request = GrpcWire.Request(TestServiceBase.CompressMethod, GrpcWire.Frame(Payload, compress: true));
        request.Headers.TryAddWithoutValidation("grpc-encoding", "gzip");
        request.Headers.TryAddWithoutValidation("grpc-accept-encoding", "identity,deflate,gzip");
        request.Headers.TryAddWithoutValidation("x-compress", "gzip");
        var response = await server.Client.CallAsync(request);

        response.AssertStatus(StatusCode.OK);
        Assert.Equal("gzip", response.Header("grpc-encoding"));
        Assert.Equal("true", response.Trailer("x-request-compressed"));
        var message = Assert.Single(response.Messages);
        Assert.True(message.Compressed);
        Assert.True(message.Data.Length < 1000);
        Assert.Equal(Payload, response.Single(BytesValue.Parser));
    }

    [Fact]
    public async Task Gzip_NoCompressWriteFlag_SendsUncompressedMessage()
    {
        await using var server = await GrpcTestServer.StartAsync();
        var request = GrpcWire.Request(TestServiceBase.CompressMethod, GrpcWire.Frame(Payload));
        request.Headers.TryAddWithoutValidation("grpc-accept-encoding", "gzip");
        request.Headers.TryAddWithoutValidation("x-compress", "gzip");
        request.Headers.TryAddWithoutValidation("x-no-compress", "1");
        var response = await server.Client.CallAsync(request);

        response.AssertStatus(StatusCode.OK);
        Assert.Equal("false", response.Trailer("x-request-compressed"));
        Assert.False(Assert.Single(response.Messages).Compressed);
    }

    [Fact]
    public async Task OptionsCompression_ClientDoesNotAcceptGzip_SendsIdentity()
    {
        await using var server = await GrpcTestServer.StartAsync(o => o.ResponseCompressionAlgorithm = "gzip");
        var response = await server.Client.CallAsync(GrpcWire.Request(TestServiceBase.CompressMethod, GrpcWire.Frame(Payload)));
        response.AssertStatus(StatusCode.OK);
        Assert.Null(response.Header("grpc-encoding"));
        Assert.False(Assert.Single(response.Messages).Compressed);
    }

    [Fact]
    public async Task OptionsCompression_ClientAcceptsGzip_Compresses()
    {
        await using var server = await GrpcTestServer.StartAsync(o => o.ResponseCompressionAlgorithm = "gzip");
        var request = GrpcWire.Request(TestServiceBase.CompressMethod, GrpcWire.Frame(Payload));
        request.Headers.TryAddWithoutValidation("grpc-accept-encoding", "gzip");
        var response = await server.Client.CallAsync(request);
        Assert.Equal("gzip", response.Header("grpc-encoding"));
        Assert.True(Assert.Single(response.Messages).Compressed);
        Assert.Equal(Payload, response.Single(BytesValue.Parser));
    }

    [Fact]
    public async Task UnsupportedEncoding_ReturnsUnimplementedWithAcceptEncoding()
    {
        await using var server = await GrpcTestServer.StartAsync();
        var request = GrpcWire.Request(TestServiceBase.CompressMethod, GrpcWire.Frame(Payload, compress: true));
        request.Headers.TryAddWithoutValidation("grpc-encoding", "snappy");
        var response = await server.Client.CallAsync(request);

        Assert.True(response.TrailersOnly);
        response.AssertStatus(StatusCode.Unimplemented);
        Assert.Equal("identity,gzip", response.Header("grpc-accept-encoding"));
    }
}
