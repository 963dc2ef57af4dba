using System.Net;
using Interop.Grpc.AspNetCore;
using Interop.Grpc.Client;
using Interop.Testing.Options;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Interop.Grpc.Reflection.Tests.Functional;

/// <summary>A real Kestrel server on 127.0.0.1 (dynamic port, h2c) with a test service and reflection, and a channel to it.</summary>
public sealed class ReflectionServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ReflectionServer(WebApplication app, GrpcChannel channel)
    {
        _app = app;
        Channel = channel;
    }

    public GrpcChannel Channel { get; }

    public static async Task<ReflectionServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddGrpcReflection();
        var app = builder.Build();
        app.MapGrpcService<ScopedServiceImpl>();
        app.MapGrpcReflectionService();
        await app.StartAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ReflectionServer(app, GrpcChannel.ForAddress(address));
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _app.StopAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await _app.DisposeAsync();
    }

    private sealed class ScopedServiceImpl : ScopedService.ScopedServiceBase;
}
