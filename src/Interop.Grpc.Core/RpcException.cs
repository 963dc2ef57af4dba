namespace Interop.Grpc;

/// <summary>
/// Thrown by a handler to end a call with a given status, and by the client runtime when a call ends with a status other than OK.
/// </summary>
public class RpcException : Exception
{
    /// <summary>Creates an exception carrying a status and no trailers.</summary>
    public RpcException(Status status)
        : this(status, new Metadata(), status.Detail)
    {
    }

    /// <summary>Creates an exception carrying a status and trailers.</summary>
    public RpcException(Status status, Metadata trailers)
        : this(status, trailers, status.Detail)
    {
    }

    /// <summary>Creates an exception carrying a status, trailers and a local message.</summary>
    public RpcException(Status status, Metadata trailers, string message)
        : base(FormatMessage(status, message), status.DebugException)
    {
        ArgumentNullException.ThrowIfNull(trailers);
        Status = status;
        Trailers = trailers;
    }

    /// <summary>The status of the call.</summary>
    public Status Status { get; }

    /// <summary>The status code of the call.</summary>
    public StatusCode StatusCode => Status.StatusCode;

    /// <summary>
    /// Trailers sent with the status. A handler may add entries (for example grpc-status-details-bin);
    /// on the client these are the trailers the server sent.
    /// </summary>
    public Metadata Trailers { get; }

    private static string FormatMessage(Status status, string message) =>
        message == status.Detail ? status.ToString() : message;
}
