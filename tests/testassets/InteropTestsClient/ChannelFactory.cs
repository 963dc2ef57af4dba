using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Interop.Grpc.Client;

namespace InteropTestsClient;

/// <summary>Builds channels as the interop flags ask: h2c or TLS, an optional trusted root, an optional host override.</summary>
internal sealed class ChannelFactory(InteropClientOptions options, ResponseFlagObserver observer)
{
    private readonly X509Certificate2? _trustedRoot = options.TlsCaFile is null ? null : X509Certificate2.CreateFromPem(File.ReadAllText(options.TlsCaFile));

    /// <summary>A new channel with its own connection; its handler reports response message flags to the observer.</summary>
    public GrpcChannel Create()
    {
        var scheme = options.UseTls ? "https" : "http";
        var host = options.ServerHost.Contains(':', StringComparison.Ordinal) ? $"[{options.ServerHost}]" : options.ServerHost;
        var handler = new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            UseProxy = false,
            ConnectTimeout = TimeSpan.FromSeconds(10),
        };
        if (options.UseTls)
        {
            // Clients must not disable certificate checking (interop-test-descriptions.md): only the trusted root and
            // the expected name change, never the checks themselves.
            handler.SslOptions.TargetHost = options.ServerHostOverride ?? options.ServerHost;
            if (_trustedRoot is not null)
            {
                handler.SslOptions.RemoteCertificateValidationCallback = ValidateAgainstTrustedRoot;
            }
        }

        var channel = GrpcChannel.ForAddress($"{scheme}://{host}:{options.ServerPort}", new GrpcChannelOptions
        {
            HttpHandler = new ResponseFlagHandler(observer, options.ServerHostOverride) { InnerHandler = handler },
            DisposeHttpClient = true,
        });
        return channel;
    }

    private bool ValidateAgainstTrustedRoot(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (certificate is null || (errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
        {
            return false;
        }

        using var presented = new X509Certificate2(certificate);
        using var customChain = new X509Chain();
        customChain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        customChain.ChainPolicy.CustomTrustStore.Add(_trustedRoot!);
        customChain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return customChain.Build(presented);
    }
}
