using Grpc.Reflection.V1;
using Interop.Grpc.Reflection.Internal;
using Interop.Testing.Options;
using Microsoft.Extensions.DependencyInjection;
using Alpha = Grpc.Reflection.V1Alpha;

namespace Interop.Grpc.Reflection.Tests;

public sealed class GrpcReflectionRegistrationTests
{
    [Fact]
    public async Task AddGrpcReflection_ExplicitServices_ListsOnlyThose()
    {
        var services = new ServiceCollection();
        services.AddGrpcReflection(o => o.Services.Add(ScopedService.Descriptor));
        using var provider = services.BuildServiceProvider();
        var session = new ReflectionSession(provider.GetRequiredService<ReflectionServiceImpl>());

        var response = await session.AskAsync(new ServerReflectionRequest { ListServices = "" });

        Assert.Equal(["interop.testing.options.ScopedService"], response.ListServicesResponse.Service.Select(s => s.Name));
        await session.EndAsync();
    }

    [Fact]
    public async Task AddGrpcReflection_NoEndpoints_ListsNothing()
    {
        var services = new ServiceCollection();
        services.AddGrpcReflection();
        using var provider = services.BuildServiceProvider();
        var session = new ReflectionSession(provider.GetRequiredService<ReflectionServiceImpl>());

        var response = await session.AskAsync(new ServerReflectionRequest { ListServices = "" });

        Assert.Empty(response.ListServicesResponse.Service);
        await session.EndAsync();
    }

    [Fact]
    public async Task V1Alpha_Request_AnsweredLikeV1()
    {
        var services = new ServiceCollection();
        services.AddGrpcReflection(o => o.Services.Add(ScopedService.Descriptor));
        using var provider = services.BuildServiceProvider();
        var alpha = provider.GetRequiredService<ReflectionServiceV1Alpha>();
        var requests = new ChannelStreamReader<Alpha.ServerReflectionRequest>();
        var responses = new ChannelStreamWriter<Alpha.ServerReflectionResponse>();
        var call = alpha.ServerReflectionInfo(requests, responses, new TestServerCallContext());

        requests.Send(new Alpha.ServerReflectionRequest { FileContainingSymbol = "interop.testing.options.Outer.Inner" });
        var found = await responses.ReadNextAsync();
        requests.Send(new Alpha.ServerReflectionRequest { FileByFilename = "missing.proto" });
        var missing = await responses.ReadNextAsync();
        requests.Complete();
        await call.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(3, found.FileDescriptorResponse.FileDescriptorProto.Count);
        Assert.Equal("interop.testing.options.Outer.Inner", found.OriginalRequest.FileContainingSymbol);
        Assert.Equal((int)StatusCode.NotFound, missing.ErrorResponse.ErrorCode);
    }
}
