using System.Buffers;
using System.Net;
using Interop.Grpc.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Interop.Grpc.Benchmarks;

/// <summary>
/// The two servers under test, each its own Kestrel on 127.0.0.1 (dynamic port), h2c only, logging at Warning:
/// our gRPC server with <see cref="BenchmarkService"/>, and a bare Kestrel endpoint that echoes the request body
/// with no gRPC layer, the ceiling our server is compared with.
/// </summary>
internal sealed class BenchmarkServers : IAsyncDisposable
{
    public const string UnaryPath = "/grpc.testing.TestService/UnaryCall";

    private readonly WebApplication _grpc;
    private readonly WebApplication _echo;

    private BenchmarkServers(WebApplication grpc, WebApplication echo)
    {
        _grpc = grpc;
        _echo = echo;
        GrpcAddress = GetAddress(grpc);
        EchoAddress = GetAddress(echo);
    }

    public Uri GrpcAddress { get; }

    public Uri EchoAddress { get; }

    public static async Task<BenchmarkServers> StartAsync()
    {
        var grpcBuilder = CreateBuilder();
        grpcBuilder.Services.AddGrpc();
        var grpc = grpcBuilder.Build();
        grpc.MapGrpcService<BenchmarkService>();

        var echoBuilder = CreateBuilder();
        echoBuilder.Services.AddRouting();
        var echo = echoBuilder.Build();
        echo.MapPost(UnaryPath, EchoAsync);

        await grpc.StartAsync().ConfigureAwait(false);
        await echo.StartAsync().ConfigureAwait(false);
        return new BenchmarkServers(grpc, echo);
    }

    public async ValueTask DisposeAsync()
    {
        await _grpc.StopAsync().ConfigureAwait(false);
        await _echo.StopAsync().ConfigureAwait(false);
        await _grpc.DisposeAsync().ConfigureAwait(false);
        await _echo.DisposeAsync().ConfigureAwait(false);
    }

    private static WebApplicationBuilder CreateBuilder()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;

            // h2c with prior knowledge, as gRPC clients and h2load speak it on http:// addresses.
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2);
        });
        return builder;
    }

    /// <summary>
    /// The ceiling: read the whole body, write it back, end with a grpc-status trailer, the same HEADERS, DATA and
    /// trailing HEADERS frames a unary gRPC response has, but without parsing, protobuf or any gRPC logic.
    /// </summary>
    private static async Task EchoAsync(HttpContext context)
    {
        context.Response.ContentType = "application/grpc";
        var reader = context.Request.BodyReader;
        var writer = context.Response.BodyWriter;
        while (true)
        {
            var result = await reader.ReadAsync(context.RequestAborted).ConfigureAwait(false);
            foreach (var segment in result.Buffer)
            {
                writer.Write(segment.Span);
            }

            reader.AdvanceTo(result.Buffer.End);
            if (result.IsCompleted)
            {
                break;
            }
        }

        context.Response.AppendTrailer("grpc-status", "0");
    }

    private static Uri GetAddress(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return new Uri(addresses.Single());
    }
}
