using System.Net;

namespace InteropTestsClient;

/// <summary>
/// Passes requests through and wraps each gRPC response body in a <see cref="FlagSniffingStream"/>. Also sets the
/// :authority to --server_host_override when given (interop-test-descriptions.md).
/// </summary>
internal sealed class ResponseFlagHandler(ResponseFlagObserver observer, string? authority) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (authority is not null)
        {
            request.Headers.Host = authority;
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.OK)
        {
            var original = response.Content;
            var body = await original.ReadAsStreamAsync(cancellationToken);
            var wrapped = new StreamContent(new FlagSniffingStream(body, observer));
            foreach (var header in original.Headers)
            {
                wrapped.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            response.Content = wrapped;
        }

        return response;
    }
}
