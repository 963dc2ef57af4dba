namespace Interop.Grpc;

/// <summary>The canonical gRPC status codes (grpc/doc/statuscodes.md).</summary>
public enum StatusCode
{
    /// <summary>Not an error; returned on success.</summary>
    OK = 0,
    /// <summary>The operation was cancelled, typically by the caller.</summary>
    Cancelled = 1,
    /// <summary>Unknown error, for example an exception thrown by a handler.</summary>
    Unknown = 2,
    /// <summary>The client specified an invalid argument.</summary>
    InvalidArgument = 3,
    /// <summary>The deadline expired before the operation could complete.</summary>
    DeadlineExceeded = 4,
    /// <summary>Some requested entity was not found.</summary>
    NotFound = 5,
    /// <summary>The entity that a client attempted to create already exists.</summary>
    AlreadyExists = 6,
    /// <summary>The caller does not have permission to execute the operation.</summary>
    PermissionDenied = 7,
    /// <summary>Some resource has been exhausted, such as a quota or a message size limit.</summary>
    ResourceExhausted = 8,
    /// <summary>The system is not in a state required for the operation.</summary>
    FailedPrecondition = 9,
    /// <summary>The operation was aborted, typically because of a concurrency conflict.</summary>
    Aborted = 10,
    /// <summary>The operation was attempted past the valid range.</summary>
    OutOfRange = 11,
    /// <summary>The operation is not implemented or not supported.</summary>
    Unimplemented = 12,
    /// <summary>Internal error: an invariant expected by the system was broken.</summary>
    Internal = 13,
    /// <summary>The service is currently unavailable.</summary>
    Unavailable = 14,
    /// <summary>Unrecoverable data loss or corruption.</summary>
    DataLoss = 15,
    /// <summary>The request does not have valid authentication credentials.</summary>
    Unauthenticated = 16,
}
