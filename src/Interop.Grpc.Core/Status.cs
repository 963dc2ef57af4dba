using System.Diagnostics;

namespace Interop.Grpc;

/// <summary>The outcome of a call: a status code and an optional human-readable detail.</summary>
[DebuggerDisplay("{StatusCode}: {Detail}")]
public readonly struct Status : IEquatable<Status>
{
    /// <summary>The status of a call that completed successfully.</summary>
    public static readonly Status DefaultSuccess = new(StatusCode.OK, string.Empty);

    /// <summary>The status of a call that was cancelled.</summary>
    public static readonly Status DefaultCancelled = new(StatusCode.Cancelled, string.Empty);

    /// <summary>Creates a status.</summary>
    public Status(StatusCode statusCode, string? detail, Exception? debugException = null)
    {
        StatusCode = statusCode;
        Detail = detail ?? string.Empty;
        DebugException = debugException;
    }

    /// <summary>The status code.</summary>
    public StatusCode StatusCode { get; }

    /// <summary>The detail message sent as grpc-message. Never null.</summary>
    public string Detail { get; }

    /// <summary>The local exception behind this status, for diagnostics only. It is never sent over the wire.</summary>
    public Exception? DebugException { get; }

    /// <inheritdoc />
    public bool Equals(Status other) => StatusCode == other.StatusCode && Detail == other.Detail;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Status other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(StatusCode, Detail);

    /// <inheritdoc />
    public override string ToString() => DebugException is null
        ? $"Status(StatusCode=\"{StatusCode}\", Detail=\"{Detail}\")"
        : $"Status(StatusCode=\"{StatusCode}\", Detail=\"{Detail}\", DebugException=\"{DebugException.GetType()}: {DebugException.Message}\")";

    /// <summary>Compares two statuses by code and detail.</summary>
    public static bool operator ==(Status left, Status right) => left.Equals(right);

    /// <summary>Compares two statuses by code and detail.</summary>
    public static bool operator !=(Status left, Status right) => !left.Equals(right);
}
