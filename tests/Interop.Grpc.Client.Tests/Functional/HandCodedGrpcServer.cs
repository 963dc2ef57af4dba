using System.Buffers.Binary;
using System.Net;
using System.Text;
using Interop.Grpc.Client.Tests.TestInfrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Interop.Grpc.Client.Tests.Functional;

/// <summary>
/// A bare Kestrel HTTP/2 (h2c) endpoint on 127.0.0.1 with a dynamic port, speaking gRPC by hand, so the client is
/// checked against a real HTTP/2 stack without depending on the server runtime.
/// </summary>
internal sealed class HandCodedGrpcServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private HandCodedGrpcServer(WebApplication app, string address)
    {
        _app = app;
        Address = address;
    }

    public string Address { get; }

    /// <summary>Set, with the grpc-timeout header received, when a call of Tester/Hang reached the handler.</summary>
    public TaskCompletionSource<string> HangStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Set when a call of Tester/Hang saw its request aborted (RST_STREAM from the client).</summary>
    public TaskCompletionSource HangAborted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static async Task<HandCodedGrpcServer> StartAsync(System.Security.Cryptography.X509Certificates.X509Certificate2? tlsCertificate = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0, listen =>
            {
                listen.Protocols = HttpProtocols.Http2;
                if (tlsCertificate is not null)
                {
                    listen.UseHttps(tlsCertificate);
                }
            });

            // Streaming calls may idle between messages; gRPC servers turn the body data-rate limit off.
            kestrel.Limits.MinRequestBodyDataRate = null;
        });
        var app = builder.Build();
        HandCodedGrpcServer? server = null;

        app.MapPost("/test.Tester/Unary", async context =>
        {
            var requests = await ReadMessagesAsync(context.Request);
            var valid = context.Request.Headers.TE == "trailers" && context.Request.ContentType == "application/grpc";
            StartGrpcResponse(context);
            context.Response.Headers["x-user-echo"] = context.Request.Headers["x-user"].ToString();
            await WriteMessageAsync(context.Response, (valid ? "echo:" : "bad-headers:") + string.Join(",", requests));
            context.Response.AppendTrailer("grpc-status", "0");
        });

        app.MapPost("/test.Tester/Fail", async context =>
        {
            await ReadMessagesAsync(context.Request);
            StartGrpcResponse(context);
            await context.Response.StartAsync();
            context.Response.AppendTrailer("grpc-status", "3");
            context.Response.AppendTrailer("grpc-message", "bad %C3%A9");
            context.Response.AppendTrailer("x-detail-bin", Convert.ToBase64String([1, 2, 3]).TrimEnd('='));
        });

        app.MapPost("/test.Tester/ServerStreaming", async context =>
        {
            var count = int.Parse((await ReadMessagesAsync(context.Request)).Single(), System.Globalization.CultureInfo.InvariantCulture);
            StartGrpcResponse(context);
            for (var i = 0; i < count; i++)
            {
                await WriteMessageAsync(context.Response, "item" + i);
            }

            context.Response.AppendTrailer("grpc-status", "0");
        });

        app.MapPost("/test.Tester/Duplex", async context =>
        {
            StartGrpcResponse(context);

            // StartAsync only buffers the headers; flush so the client sees them before any message.
            await context.Response.Body.FlushAsync();
            var input = context.Request.Body;
            var header = new byte[5];
            while (await input.ReadAtLeastAsync(header, 5, throwOnEndOfStream: false) == 5)
            {
                var payload = new byte[BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(1))];
                await input.ReadExactlyAsync(payload);
                await WriteMessageAsync(context.Response, "echo:" + Encoding.UTF8.GetString(payload));
            }

            context.Response.AppendTrailer("grpc-status", "0");
        });

        app.MapPost("/test.Tester/Hang", async context =>
        {
            server!.HangStarted.TrySetResult(context.Request.Headers["grpc-timeout"].ToString());
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                server.HangAborted.TrySetResult();
            }
        });

        // Unknown methods: Trailers-Only UNIMPLEMENTED, as a gRPC server answers (PROTOCOL-HTTP2.md).
        app.MapFallback(context =>
        {
            StartGrpcResponse(context);
            context.Response.Headers["grpc-status"] = "12";
            context.Response.Headers["grpc-message"] = "Method not found";
            return Task.CompletedTask;
        });

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        server = new HandCodedGrpcServer(app, address);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static void StartGrpcResponse(HttpContext context)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/grpc";
    }

    private static async Task<List<string>> ReadMessagesAsync(HttpRequest request)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        return Frames.Parse(body.ToArray()).Select(m => m.Text).ToList();
    }

    private static async Task WriteMessageAsync(HttpResponse response, string text)
    {
        await response.Body.WriteAsync(Frames.Message(text));
        await response.Body.FlushAsync();
    }
}
