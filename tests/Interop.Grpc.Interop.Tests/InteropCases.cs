namespace Interop.Grpc.Interop.Tests;

/// <summary>
/// The interop test cases run between every client and server (grpc doc/interop-test-descriptions.md), without the
/// cloud-credential cases. Soak cases run 10 iterations.
/// </summary>
public static class InteropCases
{
    private static readonly string[] AllCases =
    [
        "empty_unary",
        "cacheable_unary",
        "large_unary",
        "client_compressed_unary",
        "server_compressed_unary",
        "client_streaming",
        "client_compressed_streaming",
        "server_streaming",
        "server_compressed_streaming",
        "ping_pong",
        "empty_stream",
        "custom_metadata",
        "status_code_and_message",
        "special_status_message",
        "unimplemented_method",
        "unimplemented_service",
        "cancel_after_begin",
        "cancel_after_first_response",
        "timeout_on_sleeping_server",
        "rpc_soak",
        "channel_soak",
        "concurrent_large_unary",
    ];

    /// <summary>A cross-section for TLS: unary, each streaming shape, metadata, compression, cancellation, new connections.</summary>
    private static readonly string[] TlsCases =
    [
        "empty_unary",
        "large_unary",
        "client_compressed_unary",
        "server_compressed_streaming",
        "ping_pong",
        "custom_metadata",
        "cancel_after_first_response",
        "channel_soak",
    ];

    /// <summary>
    /// grpc-js 1.14 servers never compress responses, so these are left out against them (grpc's
    /// tools/run_tests/run_interop_tests.py lists the compression cases as unimplemented for Node servers too).
    /// </summary>
    private static readonly string[] NodeServerUnsupported = ["server_compressed_unary", "server_compressed_streaming"];

    /// <summary>Every case, for h2c.</summary>
    public static TheoryData<string> All => [.. AllCases];

    /// <summary>The TLS cross-section.</summary>
    public static TheoryData<string> Tls => [.. TlsCases];

    /// <summary>Every case a grpc-js server can serve.</summary>
    public static TheoryData<string> ForNodeServer => [.. AllCases.Except(NodeServerUnsupported)];

    /// <summary>The TLS cross-section a grpc-js server can serve.</summary>
    public static TheoryData<string> TlsForNodeServer => [.. TlsCases.Except(NodeServerUnsupported)];
}
