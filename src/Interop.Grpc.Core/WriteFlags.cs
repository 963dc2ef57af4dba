namespace Interop.Grpc;

/// <summary>Flags for one written message.</summary>
[Flags]
public enum WriteFlags
{
    /// <summary>No flags.</summary>
    None = 0,
    /// <summary>Ask the transport to send the message now instead of buffering it.</summary>
    BufferHint = 1,
    /// <summary>Send this message uncompressed even when the call negotiated compression.</summary>
    NoCompress = 2,
}
