namespace Interop.Grpc;

/// <summary>Options for one client call.</summary>
public readonly struct CallOptions
{
    /// <summary>Creates call options.</summary>
    public CallOptions(Metadata? headers = null, DateTime? deadline = null, CancellationToken cancellationToken = default, WriteOptions? writeOptions = null)
    {
        Headers = headers;
        Deadline = deadline;
        CancellationToken = cancellationToken;
        WriteOptions = writeOptions;
    }

    /// <summary>Custom headers to send.</summary>
    public Metadata? Headers { get; }

    /// <summary>The deadline (UTC); sent as grpc-timeout. Null for none.</summary>
    public DateTime? Deadline { get; }

    /// <summary>Cancels the call.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>Options for request messages.</summary>
    public WriteOptions? WriteOptions { get; }

    /// <summary>A copy with other headers.</summary>
    public CallOptions WithHeaders(Metadata? headers) => new(headers, Deadline, CancellationToken, WriteOptions);

    /// <summary>A copy with another deadline.</summary>
    public CallOptions WithDeadline(DateTime? deadline) => new(Headers, deadline, CancellationToken, WriteOptions);

    /// <summary>A copy with another cancellation token.</summary>
    public CallOptions WithCancellationToken(CancellationToken cancellationToken) => new(Headers, Deadline, cancellationToken, WriteOptions);

    /// <summary>A copy with other write options.</summary>
    public CallOptions WithWriteOptions(WriteOptions? writeOptions) => new(Headers, Deadline, CancellationToken, writeOptions);
}
