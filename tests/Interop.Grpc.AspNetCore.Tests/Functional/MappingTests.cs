using Google.Protobuf.WellKnownTypes;
using Interop.Grpc.AspNetCore.Tests.Functional.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Interop.Grpc.AspNetCore.Tests.Functional;

public class MappingTests
{
    [Fact]
    public async Task MapGrpcService_EveryMethodEndpoint_CarriesGrpcMethodMetadata()
    {
        await using var server = await GrpcTestServer.StartAsync();
        var endpoints = server.Services.GetRequiredService<EndpointDataSource>().Endpoints;
        var methods = endpoints.Select(e => e.Metadata.GetMetadata<GrpcMethodMetadata>()).OfType<GrpcMethodMetadata>().ToList();

        Assert.Equal(9, methods.Count);
        Assert.All(methods, m => Assert.Equal(typeof(TestService), m.ServiceType));
        Assert.Contains(methods, m => m.Method.FullName == "/interop.test.TestService/Chat" && m.Method.Type == MethodType.DuplexStreaming);

        // Exactly one catch-all, without method metadata.
        Assert.Single(endpoints, e => e.DisplayName == "gRPC - Unimplemented service or method");
    }

    [Fact]
    public void MapGrpcService_TypeWithoutBindServiceMethod_Throws()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddGrpc();
        using var app = (IDisposable)builder.Build();
        var error = Assert.Throws<InvalidOperationException>(() => ((IEndpointRouteBuilder)app).MapGrpcService<NotAService>());
        Assert.Contains("BindServiceMethod", error.Message);
    }

    [Fact]
    public void MapGrpcService_WithoutAddGrpc_Throws()
    {
        using var app = (IDisposable)WebApplication.CreateSlimBuilder().Build();
        var error = Assert.Throws<InvalidOperationException>(() => ((IEndpointRouteBuilder)app).MapGrpcService<TestService>());
        Assert.Contains("AddGrpc", error.Message);
    }

    [Fact]
    public void AddGrpc_CalledTwice_RegistersOnceAndAppliesBothConfigurations()
    {
        var services = new ServiceCollection();
        services.AddGrpc(o => o.MaxSendMessageSize = 10);
        var builder = services.AddGrpc(o => o.EnableDetailedErrors = true);
        Assert.Same(services, builder.Services);
        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<GrpcServiceOptions>>().Value;
        Assert.Equal(10, options.MaxSendMessageSize);
        Assert.True(options.EnableDetailedErrors);
        Assert.Single(services, d => d.ServiceType == typeof(TimeProvider));
    }

    [Fact]
    public async Task ServiceRegisteredInDi_IsResolvedNotCreated()
    {
        var state = new TestServiceState();
        var instance = new TestService(state);
        await using var server = await GrpcTestServer.StartAsync(configureServices: s => s.AddSingleton(instance));
        var response = await server.Client.CallAsync(GrpcWire.Request(TestServiceBase.EchoMethod, GrpcWire.Frame(new StringValue())));
        response.AssertStatus(StatusCode.OK);
        Assert.Equal(1, state.HandlerCalls);
        Assert.Equal(0, server.State.HandlerCalls);
    }

    [Fact]
    public async Task Conventions_AppliedToEveryMethodEndpoint()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddGrpc();
        builder.Services.AddSingleton<TestServiceState>();
        await using var app = builder.Build();
        app.MapGrpcService<TestService>().WithMetadata("marker");
        var endpoints = ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).ToList();
        Assert.All(endpoints.Where(e => e.Metadata.GetMetadata<GrpcMethodMetadata>() is not null), e => Assert.Contains("marker", e.Metadata));
    }

    [Fact]
    public void GetHttpContext_OnForeignContext_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => new ForeignContext().GetHttpContext());
    }

    public sealed class NotAService
    {
    }

    private sealed class ForeignContext : ServerCallContext
    {
        public override string Method => string.Empty;
        public override Google.Protobuf.Reflection.MethodDescriptor? MethodDescriptor => null;
        public override string Host => string.Empty;
        public override string Peer => string.Empty;
        public override DateTime Deadline => DateTime.MaxValue;
        public override Metadata RequestHeaders => [];
        public override CancellationToken CancellationToken => default;
        public override Metadata ResponseTrailers => [];
        public override Status Status { get; set; }
        public override WriteOptions? WriteOptions { get; set; }
        public override Task WriteResponseHeadersAsync(Metadata responseHeaders) => Task.CompletedTask;
    }
}
