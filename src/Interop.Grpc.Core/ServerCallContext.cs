using Google.Protobuf.Reflection;

namespace Interop.Grpc;

/// <summary>What a server handler knows about the call it serves, and what it can set on the response.</summary>
public abstract class ServerCallContext
{
    private Dictionary<object, object>? _userState;

    /// <summary>The path of the method called: <c>/{service}/{method}</c>.</summary>
    public abstract string Method { get; }

    /// <summary>The descriptor of the method called, when it was generated from a .proto file; custom options are read from it.</summary>
    public abstract MethodDescriptor? MethodDescriptor { get; }

    /// <summary>The :authority the client called.</summary>
    public abstract string Host { get; }

    /// <summary>The peer address, in the gRPC form <c>ipv4:127.0.0.1:5000</c> or <c>ipv6:[::1]:5000</c>.</summary>
    public abstract string Peer { get; }

    /// <summary>The deadline as UTC; <see cref="DateTime.MaxValue"/> when the client sent none.</summary>
    public abstract DateTime Deadline { get; }

    /// <summary>The custom headers the client sent.</summary>
    public abstract Metadata RequestHeaders { get; }

    /// <summary>Fires when the client cancels, the connection drops or the deadline passes.</summary>
    public abstract CancellationToken CancellationToken { get; }

    /// <summary>Trailers sent with the status when the call ends.</summary>
    public abstract Metadata ResponseTrailers { get; }

    /// <summary>The status the call ends with when the handler returns normally. Defaults to OK.</summary>
    public abstract Status Status { get; set; }

    /// <summary>Options for the messages the handler writes, such as <see cref="WriteFlags.NoCompress"/>.</summary>
    public abstract WriteOptions? WriteOptions { get; set; }

    /// <summary>
    /// Free-form state for the call; interceptors put what they learn here (for example the authenticated caller).
    /// </summary>
    public IDictionary<object, object> UserState => _userState ??= [];

    /// <summary>Sends the response headers now, with <paramref name="responseHeaders"/> added. Can be called once, before the first message.</summary>
    public abstract Task WriteResponseHeadersAsync(Metadata responseHeaders);
}
