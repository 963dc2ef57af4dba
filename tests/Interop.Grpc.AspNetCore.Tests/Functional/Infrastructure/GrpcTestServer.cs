using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Interop.Grpc.AspNetCore.Tests.Functional.Infrastructure;

/// <summary>
/// A real Kestrel server on 127.0.0.1, dynamic port, cleartext HTTP/2 (prior knowledge), with the test service mapped,
/// and an HttpClient speaking HTTP/2 to it. Disposing fails the test on any unexpected Error log.
/// </summary>
internal sealed class GrpcTestServer : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly WebApplication _app;

    private GrpcTestServer(WebApplication app, TestLoggerProvider logs, Uri address, X509Certificate2? certificate)
    {
        _app = app;
        Logs = logs;
        Address = address;
        State = app.Services.GetRequiredService<TestServiceState>();
        var handler = new SocketsHttpHandler();
        if (certificate is not null)
        {
            // Trust exactly the test's self-signed certificate; ALPN negotiates h2.
            handler.SslOptions.RemoteCertificateValidationCallback = (_, presented, _, _) =>
                presented is not null && presented.GetCertHashString() == certificate.GetCertHashString();
        }

        Client = new HttpClient(handler) { BaseAddress = address, Timeout = System.Threading.Timeout.InfiniteTimeSpan };
    }

    public HttpClient Client { get; }

    public Uri Address { get; }

    public TestLoggerProvider Logs { get; }

    public TestServiceState State { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<GrpcTestServer> StartAsync(
        Action<GrpcServiceOptions>? configure = null,
        Action<IServiceCollection>? configureServices = null,
        HttpProtocols protocols = HttpProtocols.Http2,
        FakeTimeProvider? timeProvider = null,
        bool useTls = false)
    {
        var certificate = useTls ? CreateCertificate() : null;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            listen.Protocols = protocols;
            if (certificate is not null)
            {
                listen.UseHttps(certificate);
            }
        }));
        var logs = new TestLoggerProvider();
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Logging.AddProvider(logs);
        builder.Services.AddSingleton<TestServiceState>();
        if (timeProvider is not null)
        {
            builder.Services.AddSingleton<TimeProvider>(timeProvider);
        }

        builder.Services.AddGrpc(configure);
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.MapGrpcService<TestService>();
        await app.StartAsync().WaitAsync(Timeout);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new GrpcTestServer(app, logs, new Uri(address), certificate);
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync().WaitAsync(Timeout);
        await _app.DisposeAsync();
        var errors = Logs.UnexpectedErrors();
        Assert.True(errors.Count == 0, "Unexpected error logs: " + string.Join(Environment.NewLine, errors.Select(e => $"{e.Category} [{e.EventId}] {e.Message} {e.Exception}")));
    }
}
