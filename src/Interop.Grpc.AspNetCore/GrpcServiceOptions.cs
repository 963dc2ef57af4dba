namespace Interop.Grpc.AspNetCore;

/// <summary>Options for every gRPC service the application maps. Validated when the host starts.</summary>
public sealed class GrpcServiceOptions
{
    /// <summary>
    /// The largest request message accepted, in bytes, before and after decompression; larger messages end the call
    /// with RESOURCE_EXHAUSTED. Null means unlimited. Defaults to 4 MiB, as in every gRPC implementation.
    /// </summary>
    public int? MaxReceiveMessageSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>
    /// The largest response message sent, in bytes (uncompressed); a larger one ends the call with RESOURCE_EXHAUSTED.
    /// Null means unlimited. Defaults to null.
    /// </summary>
    public int? MaxSendMessageSize { get; set; }

    /// <summary>
    /// Whether the detail of an unhandled handler exception is sent to the caller in grpc-message. Defaults to false:
    /// exception text can hold internals that callers must not see.
    /// </summary>
    public bool EnableDetailedErrors { get; set; }

    /// <summary>
    /// The encoding for response messages ("gzip" or "identity"), used only when the client's grpc-accept-encoding
    /// lists it. A handler can choose per call with <see cref="ServerCallContextExtensions.SetResponseCompression"/>.
    /// Defaults to null (no compression).
    /// </summary>
    public string? ResponseCompressionAlgorithm { get; set; }

    /// <summary>Server interceptors, run around every call in the order they were added.</summary>
    public InterceptorCollection Interceptors { get; } = new();

    /// <summary>
    /// Checks that run for every call in the order they were added, before any request message is read and before
    /// the interceptors: the first that throws ends the call with its status. Each instance is shared by all calls.
    /// </summary>
    public IList<IServerCallAuthorizer> CallAuthorizers { get; } = new List<IServerCallAuthorizer>();
}
