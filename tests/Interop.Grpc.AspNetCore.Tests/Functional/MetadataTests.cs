using Google.Protobuf.WellKnownTypes;
using Interop.Grpc.AspNetCore.Tests.Functional.Infrastructure;
using Interop.Grpc.Shared;

namespace Interop.Grpc.AspNetCore.Tests.Functional;

public class MetadataTests
{
    [Fact]
    public async Task Metadata_AsciiAndBinary_EchoedInHeadersAndTrailers()
    {
        await using var server = await GrpcTestServer.StartAsync();
        var request = GrpcWire.Request(TestServiceBase.MetadataMethod, GrpcWire.Frame(new StringValue()));
        request.Headers.TryAddWithoutValidation("x-ascii", "hello world");
        request.Headers.TryAddWithoutValidation("x-padded-bin", "AQI=");
        request.Headers.TryAddWithoutValidation("x-unpadded-bin", "AQI");
        request.Headers.TryAddWithoutValidation("x-multi-bin", "AQ,AgM=");
        var response = await server.Client.CallAsync(request);

        response.AssertStatus(StatusCode.OK);
        Assert.Equal("hello world", response.Header("x-ascii"));
        Assert.Equal("AQI", response.Header("x-padded-bin"));
        Assert.Equal("AQI", response.Header("x-unpadded-bin"));
        Assert.Equal("AQ,AgM", response.Header("x-multi-bin"));
        Assert.Equal("hello world", response.Trailer("tx-ascii"));
        Assert.Equal("AQI", response.Trailer("tx-padded-bin"));

        // Reserved and pseudo headers are not custom metadata.
        var parts = response.Single(StringValue.Parser).Value.Split('|');
        Assert.StartsWith("ipv4:127.0.0.1:", parts[0]);
        Assert.Equal($"127.0.0.1:{server.Address.Port}", parts[1]);
        Assert.Equal(TestServiceBase.MetadataMethod.FullName, parts[2]);
        Assert.DoesNotContain("te;", parts[3]);
        Assert.DoesNotContain("content-type;", parts[3]);
        Assert.DoesNotContain("grpc-", parts[3]);
        Assert.Contains("x-ascii;", parts[3]);
    }

    [Fact]
    public async Task Metadata_KeysAndValuesOutsideTheGrammar_AreSkipped_LongValuesKept()
    {
        await using var server = await GrpcTestServer.StartAsync();
        var request = GrpcWire.Request(TestServiceBase.MetadataMethod, GrpcWire.Frame(new StringValue()));
        var longValue = new string('a', 3_000) + " ~!" + new string('z', 40);
        request.Headers.TryAddWithoutValidation("x-long", longValue);
        request.Headers.TryAddWithoutValidation("x-tab-late", new string('b', 100) + "\tc");
        request.Headers.TryAddWithoutValidation("x-bang!", "v");
        var response = await server.Client.CallAsync(request);

        response.AssertStatus(StatusCode.OK);
        var keys = response.Single(StringValue.Parser).Value.Split('|')[3];
        Assert.Equal(longValue, response.Header("x-long"));
        Assert.Contains("x-long;", keys);
        // A control character past the first vector's width, and a key character metadata does not allow.
        Assert.DoesNotContain("x-tab-late", keys);
        Assert.DoesNotContain("x-bang", keys);
    }

    [Fact]
    public async Task ReservedTrailer_SetByHandler_RefusedWithInternal()
    {
        await using var server = await GrpcTestServer.StartAsync();
        server.Logs.ExpectError(7);
        var response = await server.Client.CallAsync(GrpcWire.Request(TestServiceBase.FailMethod, GrpcWire.Frame(new StringValue { Value = "reserved-trailer" })));
        response.AssertStatus(StatusCode.Internal);
        Assert.Contains(server.Logs.Entries, e => e.EventId.Id == 7);
    }

    [Fact]
    public async Task ReservedResponseHeader_SetByHandler_RefusedWithInternal()
    {
        await using var server = await GrpcTestServer.StartAsync();
        server.Logs.ExpectError(7);
        var response = await server.Client.CallAsync(GrpcWire.Request(TestServiceBase.FailMethod, GrpcWire.Frame(new StringValue { Value = "reserved-header" })));
        response.AssertStatus(StatusCode.Internal);
        Assert.True(response.TrailersOnly);
        Assert.Equal("application/grpc", response.ContentHeaders.ContentType?.MediaType);
    }

    [Fact]
    public void BinaryEncoding_ServerSends_Unpadded()
    {
        Assert.Equal("AQI", BinaryHeaderEncoding.Encode([1, 2]));
    }
}
