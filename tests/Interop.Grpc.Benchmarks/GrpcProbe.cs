using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using Grpc.Testing;

namespace Interop.Grpc.Benchmarks;

/// <summary>
/// One call with the exact body h2load will post, through plain HttpClient: h2load counts HTTP 200 as success and
/// never reads trailers, so this proves the request really succeeds as gRPC (grpc-status 0 in the trailers) before
/// any figure is taken.
/// </summary>
internal static class GrpcProbe
{
    public static async Task<string> VerifyAsync(Uri address, byte[] body, int payloadSize, bool isGrpcServer)
    {
        using var handler = new SocketsHttpHandler { UseProxy = false };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(address, BenchmarkServers.UnaryPath))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.TE.Add(new TransferCodingWithQualityHeaderValue("trailers"));

        using var response = await http.SendAsync(request).ConfigureAwait(false);
        var responseBody = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        var grpcStatus = response.TrailingHeaders.TryGetValues("grpc-status", out var values) ? values.FirstOrDefault() : null;
        var where = $"{address} ({(isGrpcServer ? "our gRPC server" : "bare Kestrel echo")})";
        if (response.StatusCode != HttpStatusCode.OK || grpcStatus != "0")
        {
            var headerStatus = response.Headers.TryGetValues("grpc-status", out var h) ? h.FirstOrDefault() : null;
            var message = response.Headers.TryGetValues("grpc-message", out var m) ? m.FirstOrDefault() : null;
            throw new BenchmarkFailedException($"Probe of {where} failed: HTTP {(int)response.StatusCode}, trailer grpc-status '{grpcStatus}', header grpc-status '{headerStatus}', grpc-message '{message}'.");
        }

        CheckBody(responseBody, body, payloadSize, isGrpcServer, where);
        return $"probe {where}: HTTP 200, grpc-status 0 in trailers, {responseBody.Length}-byte response body";
    }

    private static void CheckBody(byte[] responseBody, byte[] requestBody, int payloadSize, bool isGrpcServer, string where)
    {
        if (!isGrpcServer)
        {
            if (!responseBody.AsSpan().SequenceEqual(requestBody))
            {
                throw new BenchmarkFailedException($"Probe of {where}: the echo did not return the request body.");
            }

            return;
        }

        if (responseBody.Length < 5 || responseBody[0] != 0 || BinaryPrimitives.ReadUInt32BigEndian(responseBody.AsSpan(1)) != responseBody.Length - 5)
        {
            throw new BenchmarkFailedException($"Probe of {where}: the response is not one uncompressed length-prefixed message.");
        }

        var message = SimpleResponse.Parser.ParseFrom(responseBody.AsSpan(5));
        if (message.Payload.Body.Length != payloadSize)
        {
            throw new BenchmarkFailedException($"Probe of {where}: response payload {message.Payload.Body.Length} bytes, expected {payloadSize}.");
        }
    }
}
