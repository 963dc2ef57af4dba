using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Interop.Grpc.Interop.Tests.Infrastructure;

/// <summary>
/// A temporary directory for one TLS server: the certificate PEM peers trust and, for peer servers, a throwaway key
/// made at test time. Deleted on dispose; no key ever lives in the repository.
/// </summary>
internal sealed class TlsFiles : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("interop-tls-").FullName;

    public string CertificatePath => Path.Combine(_directory, "server.pem");

    public string KeyPath => Path.Combine(_directory, "server.key");

    /// <summary>Writes a self-signed ECDSA P-256 certificate for localhost/127.0.0.1 and its PKCS#8 key.</summary>
    public void WriteSelfSigned()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(2));
        File.WriteAllText(CertificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(KeyPath, key.ExportPkcs8PrivateKeyPem());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
