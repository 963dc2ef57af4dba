using Google.Protobuf.Reflection;
using Grpc.Reflection.V1;
using Alpha = Grpc.Reflection.V1Alpha;

namespace Interop.Grpc.Reflection.Tests.Functional;

public sealed class ReflectionFunctionalTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private static readonly string[] MappedServices =
    [
        "grpc.reflection.v1.ServerReflection",
        "grpc.reflection.v1alpha.ServerReflection",
        "interop.testing.options.ScopedService",
    ];

    [Fact]
    public async Task V1_MappedServices_AreListedAndDescribed()
    {
        await using var server = await ReflectionServer.StartAsync();
        var client = new ServerReflection.ServerReflectionClient(server.Channel);
        using var call = client.ServerReflectionInfo();

        var list = await AskAsync(call, new ServerReflectionRequest { ListServices = "" });
        var missing = await AskAsync(call, new ServerReflectionRequest { FileContainingSymbol = "no.Such" });
        var file = await AskAsync(call, new ServerReflectionRequest { FileContainingSymbol = "interop.testing.options.ScopedService.ReadThing" });
        await call.RequestStream.CompleteAsync().WaitAsync(Timeout);

        Assert.Equal(MappedServices, list.ListServicesResponse.Service.Select(s => s.Name).Order(StringComparer.Ordinal));
        Assert.Equal((int)StatusCode.NotFound, missing.ErrorResponse.ErrorCode);
        Assert.Equal("interop/options/test_options.proto", FileDescriptorProto.Parser.ParseFrom(file.FileDescriptorResponse.FileDescriptorProto[0]).Name);
        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(Timeout));
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task V1Alpha_ListServices_AnswersInV1AlphaMessages()
    {
        await using var server = await ReflectionServer.StartAsync();
        using var call = server.Channel.CreateCallInvoker().AsyncDuplexStreamingCall(Alpha.ServerReflection.ServerReflectionInfoMethod, null, default);

        await call.RequestStream.WriteAsync(new Alpha.ServerReflectionRequest { Host = "h", ListServices = "" }).WaitAsync(Timeout);
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(Timeout));
        var response = call.ResponseStream.Current;
        await call.RequestStream.CompleteAsync().WaitAsync(Timeout);

        Assert.Equal("h", response.ValidHost);
        Assert.Equal(MappedServices, response.ListServicesResponse.Service.Select(s => s.Name).Order(StringComparer.Ordinal));
    }

    private static async Task<ServerReflectionResponse> AskAsync(AsyncDuplexStreamingCall<ServerReflectionRequest, ServerReflectionResponse> call, ServerReflectionRequest request)
    {
        await call.RequestStream.WriteAsync(request).WaitAsync(Timeout);
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(Timeout));
        return call.ResponseStream.Current;
    }
}
