using System.Buffers;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using Interop.Grpc.Shared;

namespace Interop.Grpc.AspNetCore.Tests.Functional.Infrastructure;

/// <summary>A whole response: HTTP status, headers, length-prefixed messages and the gRPC status wherever it was sent.</summary>
internal sealed class GrpcResponse
{
    public GrpcResponse(HttpResponseMessage response, byte[] body)
    {
        HttpStatus = response.StatusCode;
        Headers = response.Headers;
        ContentHeaders = response.Content.Headers;
        Trailers = response.TrailingHeaders;
        Body = body;
        var buffer = new ReadOnlySequence<byte>(body);
        while (MessageDeframer.TryRead(ref buffer, int.MaxValue, out var compressed, out var message) == DeframeResult.Message)
        {
            Messages.Add((compressed, message.ToArray()));
        }

        Assert.True(buffer.IsEmpty, "The response body holds a partial message.");

        // Trailers-Only: the status arrives in the only HEADERS frame (PROTOCOL-HTTP2.md).
        TrailersOnly = Headers.Contains("grpc-status");
        var source = TrailersOnly ? (HttpHeaders)Headers : Trailers;
        if (source.TryGetValues("grpc-status", out var status))
        {
            Status = (StatusCode)int.Parse(status.Single(), CultureInfo.InvariantCulture);
        }

        RawMessage = source.TryGetValues("grpc-message", out var message2) ? message2.Single() : null;
        StatusSource = source;
    }

    public HttpStatusCode HttpStatus { get; }

    public HttpResponseHeaders Headers { get; }

    public HttpContentHeaders ContentHeaders { get; }

    public HttpResponseHeaders Trailers { get; }

    public HttpHeaders StatusSource { get; }

    public byte[] Body { get; }

    public List<(bool Compressed, byte[] Data)> Messages { get; } = [];

    public bool TrailersOnly { get; }

    public StatusCode? Status { get; }

    public string? RawMessage { get; }

    public string? Message => RawMessage is null ? null : PercentEncoding.Decode(RawMessage);

    public string? Header(string name) => Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    public string? Trailer(string name) => StatusSource.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    public T Single<T>(MessageParser<T> parser)
        where T : IMessage<T>
    {
        var message = Assert.Single(Messages);
        return parser.ParseFrom(message.Compressed ? GrpcWire.Decompress(message.Data) : message.Data);
    }

    public void AssertStatus(StatusCode expected)
    {
        Assert.True(Status == expected, $"Expected {expected}, got {Status} '{Message}' (HTTP {(int)HttpStatus}).");
    }
}
