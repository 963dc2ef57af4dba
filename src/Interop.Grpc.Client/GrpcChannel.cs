using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Interop.Grpc.Client.Internal;
using Interop.Grpc.Interceptors;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Interop.Grpc.Client;

/// <summary>
/// A gRPC channel to one server address over HTTP/2. Thread-safe: one channel is meant to be shared by every caller;
/// calls are multiplexed as HTTP/2 streams, and the default handler opens another connection when a connection's
/// stream limit is reached. Dispose it to cancel its running calls and close its connections.
/// </summary>
/// <remarks>
/// http:// addresses use HTTP/2 with prior knowledge (h2c); https:// addresses negotiate h2 by ALPN. The request path
/// is <c>/{service}/{method}</c> on the address's authority; the <c>host</c> argument of <see cref="CallInvoker"/>
/// methods is ignored. To trust a test certificate set <see cref="GrpcChannelOptions.TrustedServerCertificate"/>.
/// </remarks>
public sealed class GrpcChannel : ChannelBase, IDisposable
{
    private readonly HttpClient _httpClient;
    private readonly bool _disposeHttpClient;
    private readonly CancellationTokenSource _disposed = new();
    private readonly ConcurrentDictionary<string, Uri> _methodUris = new(StringComparer.Ordinal);

    private GrpcChannel(Uri address, GrpcChannelOptions options)
        : base(address.Authority)
    {
        Address = address;
        options.Validate();
        MaxReceiveMessageSize = options.MaxReceiveMessageSize;
        MaxSendMessageSize = options.MaxSendMessageSize;
        TimeProvider = options.TimeProvider;
        CompressionProviders = options.CompressionProviders.ToDictionary(p => p.EncodingName, StringComparer.Ordinal);
        AcceptEncoding = string.Join(",", new[] { Shared.GrpcProtocolConstants.IdentityEncoding }.Concat(CompressionProviders.Keys));
        Interceptors = [.. options.Interceptors];
        Logger = options.LoggerFactory?.CreateLogger<GrpcChannel>() ?? NullLogger<GrpcChannel>.Instance;

        if (options.HttpClient is not null)
        {
            _httpClient = options.HttpClient;
            _disposeHttpClient = options.DisposeHttpClient;
        }
        else if (options.HttpHandler is not null)
        {
            _httpClient = new HttpClient(options.HttpHandler, options.DisposeHttpClient) { Timeout = Timeout.InfiniteTimeSpan };
            _disposeHttpClient = true;
        }
        else
        {
            _httpClient = new HttpClient(CreateDefaultHandler(options), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
            _disposeHttpClient = true;
        }
    }

    /// <summary>The server address, for example <c>http://127.0.0.1:5000</c> (h2c) or <c>https://localhost:5001</c>.</summary>
    public Uri Address { get; }

    internal int? MaxReceiveMessageSize { get; }

    internal int? MaxSendMessageSize { get; }

    internal TimeProvider TimeProvider { get; }

    internal IReadOnlyDictionary<string, ICompressionProvider> CompressionProviders { get; }

    /// <summary>The grpc-accept-encoding value: identity and every provider's name.</summary>
    internal string AcceptEncoding { get; }

    internal Interceptor[] Interceptors { get; }

    internal ILogger Logger { get; }

    internal HttpClient HttpClient => _httpClient;

    internal CancellationToken DisposedToken => _disposed.Token;

    /// <summary>Creates a channel for <paramref name="address"/> (http:// or https://).</summary>
    public static GrpcChannel ForAddress(string address, GrpcChannelOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(address);
        return ForAddress(new Uri(address, UriKind.Absolute), options);
    }

    /// <summary>Creates a channel for <paramref name="address"/> (http:// or https://).</summary>
    public static GrpcChannel ForAddress(Uri address, GrpcChannelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (!address.IsAbsoluteUri || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"Address '{address}' must be an absolute http:// or https:// URI.", nameof(address));
        }

        return new GrpcChannel(address, options ?? new GrpcChannelOptions());
    }

    /// <inheritdoc />
    public override CallInvoker CreateCallInvoker()
    {
        ObjectDisposedException.ThrowIf(_disposed.IsCancellationRequested, this);
        CallInvoker invoker = new HttpClientCallInvoker(this);
        return Interceptors.Length == 0 ? invoker : invoker.Intercept(Interceptors);
    }

    /// <summary>Cancels running calls and, when the channel owns it, disposes the HTTP client and its connections.</summary>
    public void Dispose()
    {
        if (_disposed.IsCancellationRequested)
        {
            return;
        }

        _disposed.Cancel();
        if (_disposeHttpClient)
        {
            _httpClient.Dispose();
        }

        // _disposed is not disposed: calls starting concurrently may still read its token.
    }

    internal bool IsDisposed => _disposed.IsCancellationRequested;

    /// <summary>The request URI of a method: the path is /{service}/{method} (PROTOCOL-HTTP2.md, Path).</summary>
    internal Uri GetMethodUri(string fullName) =>
        _methodUris.GetOrAdd(fullName, static (name, address) => new Uri(address, name), Address);

    private static SocketsHttpHandler CreateDefaultHandler(GrpcChannelOptions options)
    {
        var handler = new SocketsHttpHandler
        {
            // Many calls share one channel: when a connection reaches the server's SETTINGS_MAX_CONCURRENT_STREAMS,
            // open another instead of queueing the call.
            EnableMultipleHttp2Connections = true,
            KeepAlivePingDelay = options.KeepAlivePingDelay,
            KeepAlivePingTimeout = options.KeepAlivePingTimeout,
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
            PooledConnectionIdleTimeout = options.PooledConnectionIdleTimeout,
            ConnectTimeout = options.ConnectTimeout,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            AllowAutoRedirect = false,
            // h2c with prior knowledge cannot cross an HTTP proxy.
            UseProxy = false,
        };

        if (options.RemoteCertificateValidationCallback is { } callback)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = callback;
        }
        else if (options.TrustedServerCertificate is { } trusted)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                TrustsCertificate(trusted, certificate, errors);
        }

        return handler;
    }

    private static bool TrustsCertificate(X509Certificate2 trusted, X509Certificate? presented, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (presented is null || (errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0)
        {
            return false;
        }

        using var certificate = new X509Certificate2(presented);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(trusted);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (!chain.Build(certificate))
        {
            return false;
        }

        // The name must still match: only chain trust is overridden, not host-name checking.
        return (errors & SslPolicyErrors.RemoteCertificateNameMismatch) == 0;
    }
}
