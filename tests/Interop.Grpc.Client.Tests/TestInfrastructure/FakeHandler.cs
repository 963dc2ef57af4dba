using System.Collections.Concurrent;
using System.Net;

namespace Interop.Grpc.Client.Tests.TestInfrastructure;

/// <summary>An HTTP handler that records requests (with their bodies) and answers with hand-built responses.</summary>
internal sealed class FakeHandler(Func<HttpRequestMessage, byte[], CancellationToken, Task<HttpResponseMessage>> respond) : HttpMessageHandler
{
    public ConcurrentQueue<(HttpRequestMessage Request, byte[] Body)> Requests { get; } = new();

    public int RequestCount => Requests.Count;

    /// <summary>The Content-Length each request declared before its body was read (reading buffers it and sets one).</summary>
    public ConcurrentQueue<long?> DeclaredContentLengths { get; } = new();

    /// <summary>A handler that reads the whole request body, then answers with <paramref name="response"/>.</summary>
    public static FakeHandler Returning(Func<HttpResponseMessage> response) =>
        new((_, _, _) => Task.FromResult(response()));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        DeclaredContentLengths.Enqueue(request.Content?.Headers.ContentLength);
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        Requests.Enqueue((request, body));
        var response = await respond(request, body, cancellationToken);
        response.RequestMessage = request;
        return response;
    }

    /// <summary>A gRPC response: HTTP 200, application/grpc, the given body and trailers.</summary>
    public static HttpResponseMessage GrpcResponse(byte[] body, string status = "0", string? message = null, Action<HttpResponseMessage>? configure = null)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK)
        {
            Version = HttpVersion.Version20,
            Content = new ByteArrayContent(body),
        };
        response.Content.Headers.TryAddWithoutValidation("Content-Type", "application/grpc");
        response.TrailingHeaders.TryAddWithoutValidation("grpc-status", status);
        if (message is not null)
        {
            response.TrailingHeaders.TryAddWithoutValidation("grpc-message", message);
        }

        configure?.Invoke(response);
        return response;
    }

    /// <summary>A Trailers-Only response: the status in the only HEADERS frame, no body.</summary>
    public static HttpResponseMessage TrailersOnly(string status, string? message = null)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Version = HttpVersion.Version20, Content = new ByteArrayContent([]) };
        response.Content.Headers.TryAddWithoutValidation("Content-Type", "application/grpc");
        response.Headers.TryAddWithoutValidation("grpc-status", status);
        if (message is not null)
        {
            response.Headers.TryAddWithoutValidation("grpc-message", message);
        }

        return response;
    }
}
