namespace Interop.Grpc.Client.Tests;

public class GrpcChannelOptionsTests
{
    [Fact]
    public void Options_Defaults_AreDocumentedValues()
    {
        var options = new GrpcChannelOptions();

        Assert.Equal(4 * 1024 * 1024, options.MaxReceiveMessageSize);
        Assert.Null(options.MaxSendMessageSize);
        Assert.Same(TimeProvider.System, options.TimeProvider);
        Assert.Equal(["gzip"], options.CompressionProviders.Select(p => p.EncodingName));
        Assert.Empty(options.Interceptors);
        Assert.False(options.DisposeHttpClient);
    }

    [Fact]
    public void Options_SeveralBadSettings_ReportsEveryOne()
    {
        using var handler = new HttpClientHandler();
        using var client = new HttpClient();
        var options = new GrpcChannelOptions
        {
            HttpHandler = handler,
            HttpClient = client,
            MaxReceiveMessageSize = -1,
            MaxSendMessageSize = -2,
            CompressionProviders = [GzipCompressionProvider.Instance, GzipCompressionProvider.Instance],
            KeepAlivePingDelay = TimeSpan.Zero,
        };

        var ex = Assert.Throws<ArgumentException>(() => GrpcChannel.ForAddress("http://localhost", options));

        foreach (var name in new[] { "HttpHandler", "MaxReceiveMessageSize", "MaxSendMessageSize", "CompressionProviders", "KeepAlivePingDelay" })
        {
            Assert.Contains(name, ex.Message);
        }
    }

    [Theory]
    [InlineData("ftp://localhost")]
    [InlineData("localhost:5000")]
    public void ForAddress_NotHttp_Throws(string address)
    {
        Assert.ThrowsAny<Exception>(() => GrpcChannel.ForAddress(address));
    }

    [Fact]
    public void ForAddress_Https_CreatesChannel()
    {
        using var channel = GrpcChannel.ForAddress("https://localhost:5001");

        Assert.Equal("localhost:5001", channel.Target);
        Assert.NotNull(channel.CreateCallInvoker());
    }

    [Fact]
    public void Dispose_CallerOwnedHandler_NotDisposed()
    {
        var handler = new TrackingHandler();
        var channel = GrpcChannel.ForAddress("http://localhost", new GrpcChannelOptions { HttpHandler = handler });

        channel.Dispose();

        Assert.False(handler.Disposed);
    }

    [Fact]
    public void Dispose_DisposeHttpClient_DisposesHandler()
    {
        var handler = new TrackingHandler();
        var channel = GrpcChannel.ForAddress("http://localhost", new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true });

        channel.Dispose();

        Assert.True(handler.Disposed);
    }

    private sealed class TrackingHandler : HttpMessageHandler
    {
        public bool Disposed { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }
}
