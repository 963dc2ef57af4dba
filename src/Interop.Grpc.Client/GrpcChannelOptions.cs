using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Interop.Grpc.Interceptors;
using Microsoft.Extensions.Logging;

namespace Interop.Grpc.Client;

/// <summary>Settings of a <see cref="GrpcChannel"/>. Validated when the channel is created.</summary>
public sealed class GrpcChannelOptions
{
    /// <summary>
    /// The handler that sends the HTTP/2 requests. Defaults to null: the channel creates a
    /// <see cref="System.Net.Http.SocketsHttpHandler"/> tuned for gRPC and owns it. A handler given here is owned by
    /// the caller unless <see cref="DisposeHttpClient"/> is true. Do not set together with <see cref="HttpClient"/>.
    /// </summary>
    public HttpMessageHandler? HttpHandler { get; set; }

    /// <summary>
    /// The client that sends the HTTP/2 requests. Defaults to null. Owned by the caller unless
    /// <see cref="DisposeHttpClient"/> is true. Its <see cref="System.Net.Http.HttpClient.Timeout"/> also bounds
    /// every call, so set it to <see cref="Timeout.InfiniteTimeSpan"/> for long streams.
    /// </summary>
    public HttpClient? HttpClient { get; set; }

    /// <summary>Whether disposing the channel disposes <see cref="HttpHandler"/> or <see cref="HttpClient"/>. Defaults to false.</summary>
    public bool DisposeHttpClient { get; set; }

    /// <summary>The largest response message accepted, in bytes; null for no limit. Defaults to 4 MiB.</summary>
    public int? MaxReceiveMessageSize { get; set; } = Shared.GrpcProtocolConstants.DefaultMaxReceiveMessageSize;

    /// <summary>The largest request message sent, in bytes; null for no limit. Defaults to null.</summary>
    public int? MaxSendMessageSize { get; set; }

    /// <summary>
    /// The message encodings the channel can send and receive besides identity. Defaults to gzip only.
    /// Sent as grpc-accept-encoding.
    /// </summary>
    public IList<ICompressionProvider> CompressionProviders { get; set; } = [GzipCompressionProvider.Instance];

    /// <summary>Interceptors for every call invoker the channel creates; the first is the outermost. Defaults to none.</summary>
    public IList<Interceptor> Interceptors { get; } = [];

    /// <summary>The clock for deadlines. Defaults to <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Creates the channel's logger. Defaults to null: no logging.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>
    /// Checks the server certificate on https:// channels (default handler only). Defaults to null: the operating
    /// system's trust store decides.
    /// </summary>
    public RemoteCertificateValidationCallback? RemoteCertificateValidationCallback { get; set; }

    /// <summary>
    /// A certificate to trust as the server's certificate or as the root of its chain, for example a test certificate
    /// (default handler only). Defaults to null.
    /// </summary>
    public X509Certificate2? TrustedServerCertificate { get; set; }

    /// <summary>How long a connection may be idle before an HTTP/2 PING checks it (default handler only). Defaults to 60 s.</summary>
    public TimeSpan KeepAlivePingDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long to wait for a PING reply before the connection is closed (default handler only). Defaults to 20 s.</summary>
    public TimeSpan KeepAlivePingTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How long an unused connection stays in the pool (default handler only). Defaults to 5 minutes.</summary>
    public TimeSpan PooledConnectionIdleTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long to wait for a TCP (and TLS) connection (default handler only). Defaults to 20 s.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Checks every setting and throws one <see cref="ArgumentException"/> naming each bad one.</summary>
    internal void Validate()
    {
        var errors = new List<string>();
        if (HttpHandler is not null && HttpClient is not null)
        {
            errors.Add($"{nameof(HttpHandler)} and {nameof(HttpClient)} are both set; set one.");
        }

        var ownsHandler = HttpHandler is null && HttpClient is null;
        if (!ownsHandler && (RemoteCertificateValidationCallback is not null || TrustedServerCertificate is not null))
        {
            errors.Add($"{nameof(RemoteCertificateValidationCallback)} and {nameof(TrustedServerCertificate)} apply to the default handler only; configure TLS on the handler you pass.");
        }

        if (MaxReceiveMessageSize is < 0)
        {
            errors.Add($"{nameof(MaxReceiveMessageSize)} is {MaxReceiveMessageSize}; it must be zero or more, or null for no limit.");
        }

        if (MaxSendMessageSize is < 0)
        {
            errors.Add($"{nameof(MaxSendMessageSize)} is {MaxSendMessageSize}; it must be zero or more, or null for no limit.");
        }

        ValidateCompressionProviders(errors);
        if (TimeProvider is null)
        {
            errors.Add($"{nameof(TimeProvider)} is null.");
        }

        if (Interceptors.Any(i => i is null))
        {
            errors.Add($"{nameof(Interceptors)} holds a null entry.");
        }

        ValidatePositive(errors, nameof(KeepAlivePingDelay), KeepAlivePingDelay);
        ValidatePositive(errors, nameof(KeepAlivePingTimeout), KeepAlivePingTimeout);
        ValidatePositive(errors, nameof(PooledConnectionIdleTimeout), PooledConnectionIdleTimeout);
        ValidatePositive(errors, nameof(ConnectTimeout), ConnectTimeout);
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid GrpcChannelOptions: " + string.Join(" ", errors));
        }
    }

    private void ValidateCompressionProviders(List<string> errors)
    {
        if (CompressionProviders is null)
        {
            errors.Add($"{nameof(CompressionProviders)} is null; use an empty list for identity only.");
            return;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var provider in CompressionProviders)
        {
            if (provider is null || string.IsNullOrEmpty(provider.EncodingName))
            {
                errors.Add($"{nameof(CompressionProviders)} holds a null provider or one without a name.");
            }
            else if (provider.EncodingName == Shared.GrpcProtocolConstants.IdentityEncoding || !names.Add(provider.EncodingName))
            {
                errors.Add($"{nameof(CompressionProviders)} names '{provider.EncodingName}' twice or names identity, which is built in.");
            }
        }
    }

    private static void ValidatePositive(List<string> errors, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
        {
            errors.Add($"{name} is {value}; it must be positive or Timeout.InfiniteTimeSpan.");
        }
    }
}
