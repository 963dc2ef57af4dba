using Google.Protobuf.WellKnownTypes;
using Interop.Grpc.AspNetCore.Tests.Functional.Infrastructure;

namespace Interop.Grpc.AspNetCore.Tests.Functional;

public class TransportTests
{
    [Fact]
    public async Task Tls_AlpnH2_AllCallKindsWork()
    {
        await using var server = await GrpcTestServer.StartAsync(useTls: true);
        Assert.Equal("https", server.Address.Scheme);

        var unary = await server.Client.CallAsync(GrpcWire.Request(TestServiceBase.EchoMethod, GrpcWire.Frame(new StringValue { Value = "tls" })));
        unary.AssertStatus(StatusCode.OK);
        Assert.Equal("tls", unary.Single(StringValue.Parser).Value);

        var streaming = await server.Client.CallAsync(GrpcWire.Request(TestServiceBase.SplitMethod, GrpcWire.Frame(new StringValue { Value = "a,b" })));
        streaming.AssertStatus(StatusCode.OK);
        Assert.Equal(2, streaming.Messages.Count);

        var failed = await server.Client.CallAsync(GrpcWire.Request(TestServiceBase.FailMethod, GrpcWire.Frame(new StringValue { Value = "status:7:no" })));
        Assert.True(failed.TrailersOnly);
        failed.AssertStatus(StatusCode.PermissionDenied);
    }

    [Fact]
    public async Task Unary_ManyConcurrentCallsOnOneConnection_AllSucceed()
    {
        await using var server = await GrpcTestServer.StartAsync();
        var calls = Enumerable.Range(0, 200).Select(async i =>
        {
            var response = await server.Client.CallAsync(GrpcWire.Request(TestServiceBase.EchoMethod, GrpcWire.Frame(new StringValue { Value = "m" + i })));
            response.AssertStatus(StatusCode.OK);
            return response.Single(StringValue.Parser).Value;
        });
        var values = await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(Enumerable.Range(0, 200).Select(i => "m" + i), values);
    }
}
