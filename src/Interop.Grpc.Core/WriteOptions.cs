namespace Interop.Grpc;

/// <summary>Options for writing messages.</summary>
public sealed class WriteOptions
{
    /// <summary>Default options: no flags.</summary>
    public static readonly WriteOptions Default = new();

    /// <summary>Creates write options.</summary>
    public WriteOptions(WriteFlags flags = WriteFlags.None) => Flags = flags;

    /// <summary>The flags.</summary>
    public WriteFlags Flags { get; }
}
