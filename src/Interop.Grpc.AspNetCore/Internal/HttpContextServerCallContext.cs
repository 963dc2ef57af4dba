using System.Net;
using System.Net.Sockets;
using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;

namespace Interop.Grpc.AspNetCore.Internal;

/// <summary>
/// The <see cref="ServerCallContext"/> of one call, over its <see cref="Microsoft.AspNetCore.Http.HttpContext"/>.
/// Split by concern: request headers and deadline (Initialize), messages, and the status (Status).
/// </summary>
internal sealed partial class HttpContextServerCallContext : ServerCallContext, IDisposable
{
    private readonly ServerMethodSettings _settings;
    private Metadata? _requestHeaders;
    private Metadata? _responseTrailers;
    private string? _peer;

    public HttpContextServerCallContext(HttpContext httpContext, ServerMethodSettings settings)
    {
        HttpContext = httpContext;
        _settings = settings;
    }

    public HttpContext HttpContext { get; }

    public override string Method => _settings.Method.FullName;

    public override MethodDescriptor? MethodDescriptor => _settings.Method.Descriptor;

    public override string Host => HttpContext.Request.Host.Value ?? string.Empty;

    public override string Peer => _peer ??= FormatPeer(HttpContext.Connection.RemoteIpAddress, HttpContext.Connection.RemotePort);

    public override DateTime Deadline => _deadline;

    public override Metadata RequestHeaders => _requestHeaders ??= new Metadata();

    public override CancellationToken CancellationToken => _callCts?.Token ?? HttpContext.RequestAborted;

    public override Metadata ResponseTrailers => _responseTrailers ??= new Metadata();

    public override Status Status { get; set; } = Status.DefaultSuccess;

    public override WriteOptions? WriteOptions { get; set; }

    /// <summary>Whether the most recent request message arrived with the compressed flag set.</summary>
    public bool LastRequestMessageCompressed { get; private set; }

    /// <summary>The deadline fired (set from the timer thread).</summary>
    public bool DeadlineExceeded => Volatile.Read(ref _deadlineExceeded);

    /// <summary>The gRPC form of the peer address (grpc naming: ipv4:host:port, ipv6:[host]:port).</summary>
    internal static string FormatPeer(IPAddress? address, int port)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return address.AddressFamily == AddressFamily.InterNetworkV6
            ? $"ipv6:[{address}]:{port}"
            : $"ipv4:{address}:{port}";
    }

    /// <summary>
    /// Request streams may pause for as long as the client likes (a chat, a watch); Kestrel's minimum body data rate
    /// would otherwise abort them.
    /// </summary>
    public void DisableMinRequestBodyDataRate()
    {
        var feature = HttpContext.Features.Get<IHttpMinRequestBodyDataRateFeature>();
        if (feature is not null)
        {
            feature.MinDataRate = null;
        }
    }

    public void Dispose()
    {
        _deadlineTimer?.Dispose();
        _callCts?.Dispose();
    }
}
