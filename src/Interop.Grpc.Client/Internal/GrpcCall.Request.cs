using System.Net;
using System.Reflection;
using Interop.Grpc.Shared;

namespace Interop.Grpc.Client.Internal;

internal sealed partial class GrpcCall<TRequest, TResponse>
{
    /// <summary>
    /// The header a call sets in CallOptions.Headers to compress its requests; the runtime removes it before sending,
    /// as grpc C# and grpc-dotnet do.
    /// </summary>
    public const string RequestEncodingHeader = "grpc-internal-encoding-request";

    private static readonly string UserAgent = "grpc-dotnet-interop/" + GetVersion();

    private StreamingRequestContent? _requestContent;
    private ICompressionProvider? _requestCompressor;
    private Task<bool>? _headersReceived;

    /// <summary>The compressor for request messages, or null for identity.</summary>
    public ICompressionProvider? RequestCompressor => _requestCompressor;

    public StreamingRequestContent? RequestContent => _requestContent;

    /// <summary>Starts a call whose request is one message (unary, server streaming).</summary>
    public void StartWithMessage(TRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var headers = PrepareHeaders();
        var size = _method.RequestMarshaller.GetSize(request);
        if (!CheckSendSize(size))
        {
            _headersReceived = Task.FromResult(false);
            return;
        }

        var content = new UnaryRequestContent<TRequest>(_method.RequestMarshaller, request, size, SelectCompressor(_options.WriteOptions), _logger);
        UnaryRequestContent<TRequest>.SetContentType(content);
        Send(content, headers);
    }

    /// <summary>Starts a call whose request is a stream of messages (client streaming, duplex).</summary>
    public void StartStreaming()
    {
        var headers = PrepareHeaders();
        _requestContent = new StreamingRequestContent();
        Send(_requestContent, headers);
    }

    /// <summary>The compressor for one message: none when the call did not opt in or the write says NoCompress.</summary>
    public ICompressionProvider? SelectCompressor(WriteOptions? writeOptions) =>
        writeOptions is not null && (writeOptions.Flags & WriteFlags.NoCompress) != 0 ? null : _requestCompressor;

    /// <summary>False, with the call ended as RESOURCE_EXHAUSTED, when a message is over MaxSendMessageSize.</summary>
    public bool CheckSendSize(int size)
    {
        if (size > _channel.MaxSendMessageSize)
        {
            Fail(StatusCode.ResourceExhausted, $"Sending message exceeds the maximum configured message size ({size} > {_channel.MaxSendMessageSize}).");
            return false;
        }

        return true;
    }

    private void Send(HttpContent content, List<KeyValuePair<string, string>> headers)
    {
        GrpcClientLog.StartingCall(_logger, _method.FullName, _method.Type);
        var timeout = GetTimeout();
        if (!StartLifetime(timeout))
        {
            content.Dispose();
            _headersReceived = Task.FromResult(false);
            return;
        }

        var request = new HttpRequestMessage(HttpMethod.Post, _channel.GetMethodUri(_method.FullName))
        {
            // HTTP/2 only: prior knowledge on http:// (h2c), ALPN h2 on https:// (PROTOCOL-HTTP2.md).
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = content,
        };
        var requestHeaders = request.Headers;
        requestHeaders.TryAddWithoutValidation(GrpcProtocolConstants.TeHeader, GrpcProtocolConstants.TeTrailers);
        requestHeaders.TryAddWithoutValidation(GrpcProtocolConstants.UserAgentHeader, UserAgent);
        requestHeaders.TryAddWithoutValidation(GrpcProtocolConstants.AcceptEncodingHeader, _channel.AcceptEncoding);
        if (timeout is { } remaining)
        {
            requestHeaders.TryAddWithoutValidation(GrpcProtocolConstants.TimeoutHeader, GrpcTimeout.Format(remaining));
        }

        if (_requestCompressor is not null)
        {
            requestHeaders.TryAddWithoutValidation(GrpcProtocolConstants.EncodingHeader, _requestCompressor.EncodingName);
        }

        foreach (var (key, value) in headers)
        {
            requestHeaders.TryAddWithoutValidation(key, value);
        }

        Task<HttpResponseMessage> sendTask;
        try
        {
            sendTask = _channel.HttpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, _cts.Token);
        }
        catch (Exception ex)
        {
            sendTask = Task.FromException<HttpResponseMessage>(ex);
        }

        _headersReceived = ReceiveHeadersAsync(sendTask);
    }

    /// <summary>
    /// Checks CallOptions.Headers before anything is sent: reserved names are refused (PROTOCOL-HTTP2.md reserves
    /// grpc-*, and HTTP/2 forbids connection headers), the request-encoding opt-in is taken out, -bin values are
    /// base64-encoded without padding.
    /// </summary>
    private List<KeyValuePair<string, string>> PrepareHeaders()
    {
        ObjectDisposedException.ThrowIf(_channel.IsDisposed, _channel);
        var result = new List<KeyValuePair<string, string>>(_options.Headers?.Count ?? 0);
        if (_options.Headers is not { } metadata)
        {
            return result;
        }

        foreach (var entry in metadata)
        {
            if (entry.Key == RequestEncodingHeader)
            {
                _requestCompressor = ResolveRequestCompressor(entry.Value);
                continue;
            }

            if (GrpcProtocolConstants.IsReservedHeader(entry.Key))
            {
                throw new ArgumentException($"Header '{entry.Key}' is reserved for the gRPC runtime and cannot be sent as custom metadata.", nameof(CallOptions.Headers));
            }

            result.Add(new(entry.Key, entry.IsBinary ? BinaryHeaderEncoding.Encode(entry.ValueBytes) : entry.Value));
        }

        return result;
    }

    private ICompressionProvider? ResolveRequestCompressor(string encoding)
    {
        if (encoding == GrpcProtocolConstants.IdentityEncoding)
        {
            return null;
        }

        return _channel.CompressionProviders.TryGetValue(encoding, out var provider)
            ? provider
            : throw new ArgumentException($"Request encoding '{encoding}' is not supported; the channel supports {_channel.AcceptEncoding}.", nameof(CallOptions.Headers));
    }

    private static string GetVersion()
    {
        var assembly = typeof(GrpcCall<,>).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }
}
