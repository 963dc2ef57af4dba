using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Interop.Grpc.Client.Tests.TestInfrastructure;

namespace Interop.Grpc.Client.Tests.Functional;

/// <summary>https:// channels: HTTP/2 negotiated by ALPN, server certificate trusted through the channel options.</summary>
public sealed class TlsFunctionalTests : IAsyncLifetime
{
    private static readonly Method<string, string> Unary = new(MethodType.Unary, "test.Tester", "Unary", StringMarshaller.Instance, StringMarshaller.Instance);
    private X509Certificate2 _serverCertificate = null!;
    private HandCodedGrpcServer _server = null!;

    public async Task InitializeAsync()
    {
        _serverCertificate = CreateSelfSigned();
        _server = await HandCodedGrpcServer.StartAsync(_serverCertificate).WaitAsync(TestMethods.Timeout);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync().AsTask().WaitAsync(TestMethods.Timeout);
        _serverCertificate.Dispose();
    }

    [Fact]
    public async Task Https_TrustedServerCertificate_CallSucceedsOverAlpnH2()
    {
        using var publicPart = X509CertificateLoader.LoadCertificate(_serverCertificate.RawData);
        using var channel = GrpcChannel.ForAddress(HttpsAddress(), new GrpcChannelOptions { TrustedServerCertificate = publicPart });

        var response = await channel.CreateCallInvoker().AsyncUnaryCall(Unary, null, new CallOptions(), "secure").ResponseAsync.WaitAsync(TestMethods.Timeout);

        Assert.Equal("echo:secure", response);
    }

    [Fact]
    public async Task Https_UntrustedServerCertificate_ThrowsUnavailable()
    {
        using var channel = GrpcChannel.ForAddress(HttpsAddress());

        var ex = await TestChannel.ThrowsRpcAsync(() => channel.CreateCallInvoker().AsyncUnaryCall(Unary, null, new CallOptions(), "secure").ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
        Assert.IsType<HttpRequestException>(ex.Status.DebugException);
    }

    private string HttpsAddress() => _server.Address.Replace("http://", "https://", StringComparison.Ordinal);

    private static X509Certificate2 CreateSelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=interop-client-tests", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(1));

        // Kestrel on Linux needs the key in an exportable, reloaded form.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), password: null);
    }
}
