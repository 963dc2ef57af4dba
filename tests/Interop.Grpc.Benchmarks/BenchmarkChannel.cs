using Interop.Grpc.Client;

namespace Interop.Grpc.Benchmarks;

internal static class BenchmarkChannel
{
    /// <summary>
    /// A channel held to ONE HTTP/2 connection: every concurrent call is a stream on it (Kestrel allows 100 streams
    /// per connection, more than the highest concurrency measured).
    /// </summary>
    public static GrpcChannel Create(Uri address) => GrpcChannel.ForAddress(address, new GrpcChannelOptions
    {
        HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = false, UseProxy = false },
        DisposeHttpClient = true,
        CompressionProviders = [],
    });
}
