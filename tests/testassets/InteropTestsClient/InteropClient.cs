using Google.Protobuf;
using Grpc.Testing;
using Interop.Grpc;
using Interop.Grpc.Client;

namespace InteropTestsClient;

/// <summary>
/// Runs one interop test case (grpc doc/interop-test-descriptions.md) against a TestService server. The cloud-credential
/// cases (compute_engine_creds, jwt_token_creds, oauth2_auth_token, per_rpc_creds, google_default_credentials,
/// compute_engine_channel_credentials) need Google Cloud and are not implemented.
/// </summary>
public sealed partial class InteropClient : IDisposable
{
    private const string EchoInitialKey = "x-grpc-test-echo-initial";
    private const string EchoTrailingKey = "x-grpc-test-echo-trailing-bin";

    /// <summary>How long any single call of a case may take before the case fails rather than hangs.</summary>
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    private readonly InteropClientOptions _options;
    private readonly ResponseFlagObserver _flags = new();
    private readonly ChannelFactory _channels;
    private readonly GrpcChannel _channel;
    private readonly TestService.TestServiceClient _client;

    /// <summary>Creates the client and its channel (no connection is made until the first call).</summary>
    public InteropClient(InteropClientOptions options)
    {
        _options = options;
        _channels = new ChannelFactory(options, _flags);
        _channel = _channels.Create();
        _client = new TestService.TestServiceClient(_channel);
    }

    /// <summary>The names of every implemented case.</summary>
    public static IReadOnlyCollection<string> TestCases => Cases.Keys;

    private static Dictionary<string, Func<InteropClient, Task>> Cases { get; } = new(StringComparer.Ordinal)
    {
        ["empty_unary"] = c => c.EmptyUnaryAsync(),
        ["cacheable_unary"] = c => c.CacheableUnaryAsync(),
        ["large_unary"] = c => c.LargeUnaryAsync(c._client),
        ["client_compressed_unary"] = c => c.ClientCompressedUnaryAsync(),
        ["server_compressed_unary"] = c => c.ServerCompressedUnaryAsync(),
        ["client_streaming"] = c => c.ClientStreamingAsync(),
        ["client_compressed_streaming"] = c => c.ClientCompressedStreamingAsync(),
        ["server_streaming"] = c => c.ServerStreamingAsync(),
        ["server_compressed_streaming"] = c => c.ServerCompressedStreamingAsync(),
        ["ping_pong"] = c => c.PingPongAsync(),
        ["empty_stream"] = c => c.EmptyStreamAsync(),
        ["custom_metadata"] = c => c.CustomMetadataAsync(),
        ["status_code_and_message"] = c => c.StatusCodeAndMessageAsync(),
        ["special_status_message"] = c => c.SpecialStatusMessageAsync(),
        ["unimplemented_method"] = c => c.UnimplementedMethodAsync(),
        ["unimplemented_service"] = c => c.UnimplementedServiceAsync(),
        ["cancel_after_begin"] = c => c.CancelAfterBeginAsync(),
        ["cancel_after_first_response"] = c => c.CancelAfterFirstResponseAsync(),
        ["timeout_on_sleeping_server"] = c => c.TimeoutOnSleepingServerAsync(),
        ["rpc_soak"] = c => c.RpcSoakAsync(),
        ["channel_soak"] = c => c.ChannelSoakAsync(),
        ["concurrent_large_unary"] = c => c.ConcurrentLargeUnaryAsync(),
    };

    /// <summary>Runs <see cref="InteropClientOptions.TestCase"/>; throws <see cref="InteropTestException"/> or <see cref="RpcException"/> on failure.</summary>
    public Task RunAsync() => Cases.TryGetValue(_options.TestCase, out var run)
        ? run(this)
        : throw new InteropTestException($"unknown test case '{_options.TestCase}'; known: {string.Join(", ", Cases.Keys)}.");

    /// <inheritdoc />
    public void Dispose() => _channel.Dispose();

    private static DateTime Deadline() => DateTime.UtcNow.Add(CallTimeout);

    private static Payload Zeros(int size) => new() { Body = ByteString.CopyFrom(new byte[size]) };
}
