using Interop.Grpc.AspNetCore;
using InteropTestsServer;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

InteropServerOptions options;
try
{
    options = InteropServerOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

var builder = WebApplication.CreateSlimBuilder();
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddGrpc();
builder.Services.AddInteropHealthAndReflection();
builder.WebHost.ConfigureKestrel(kestrel =>
{
    // Loopback only; h2c needs HTTP/2 alone (prior knowledge), TLS negotiates h2 through ALPN.
    kestrel.Listen(System.Net.IPAddress.Loopback, options.Port, listen =>
    {
        listen.Protocols = HttpProtocols.Http2;
        if (options.UseTls)
        {
            var certificate = SelfSignedCertificate.Create(TimeProvider.System);
            if (options.TlsCertOut is not null)
            {
                File.WriteAllText(options.TlsCertOut, certificate.ExportCertificatePem());
            }

            listen.UseHttps(certificate);
        }
    });
});

var app = builder.Build();
app.MapGrpcService<TestServiceImpl>();
app.MapInteropHealthAndReflection();
await app.StartAsync();

var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
Console.WriteLine($"Listening on port {new Uri(address).Port}");
await app.WaitForShutdownAsync();
return 0;
