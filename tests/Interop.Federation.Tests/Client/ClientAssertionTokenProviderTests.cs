using System.Net;
using System.Text;
using Interop.Federation.Client;
using Interop.Federation.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Interop.Federation.Tests.Client;

public sealed class ClientAssertionTokenProviderTests
{
    private static readonly Uri Endpoint = new("https://hub.interop.test/token");
    private readonly TestTimeProvider _time = new();

    [Fact]
    public async Task ManyConcurrentCallers_OneTokenRequest()
    {
        var handler = new CountingHandler(expiresIn: 300) { Gate = new TaskCompletionSource() };
        using var provider = NewProvider(handler);

        var callers = Enumerable.Range(0, 50).Select(_ => provider.GetAccessTokenAsync().AsTask()).ToList();
        await handler.FirstRequestSeen.Task.WaitAsync(TimeSpan.FromSeconds(10));
        handler.Gate.SetResult();
        var tokens = await Task.WhenAll(callers).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(1, handler.Requests);
        Assert.Single(tokens.Distinct());
    }

    [Fact]
    public async Task Token_CachedUntil80PercentOfLifetime_ThenRefreshedOnce()
    {
        var handler = new CountingHandler(expiresIn: 300);
        using var provider = NewProvider(handler);

        var first = await provider.GetAccessTokenAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        _time.Advance(TimeSpan.FromSeconds(239));
        Assert.Equal(first, await provider.GetAccessTokenAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(1, handler.Requests);

        _time.Advance(TimeSpan.FromSeconds(1));
        var second = await provider.GetAccessTokenAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.NotEqual(first, second);
        Assert.Equal(2, handler.Requests);
    }

    [Fact]
    public async Task Assertion_IsPrivateKeyJwtForTheTokenEndpoint()
    {
        var handler = new CountingHandler(expiresIn: 300);
        using var provider = NewProvider(handler, algorithm: "PS256", scope: "status.read");
        await provider.GetAccessTokenAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        var form = handler.LastForm!;
        Assert.Equal("client_credentials", form["grant_type"]);
        Assert.Equal("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", form["client_assertion_type"]);
        Assert.Equal("status.read", form["scope"]);
        var assertion = new JsonWebToken(form["client_assertion"]);
        Assert.Equal("PS256", assertion.Alg);
        Assert.Equal(TestKeys.ClientRsa.Key.KeyId, assertion.Kid);
        Assert.Equal("client-1", assertion.Issuer);
        Assert.Equal("client-1", assertion.Subject);
        Assert.Equal(Endpoint.AbsoluteUri, Assert.Single(assertion.Audiences));
        Assert.Equal(_time.GetUtcNow().UtcDateTime.AddSeconds(60), assertion.ValidTo, TimeSpan.FromSeconds(1));
        Assert.Equal(22, assertion.Id.Length);
    }

    [Fact]
    public async Task Refusal_ThrowsWithOAuthError_AndNextCallRetries()
    {
        var handler = new CountingHandler(expiresIn: 300) { Refuse = true };
        using var provider = NewProvider(handler);
        var ex = await Assert.ThrowsAsync<TokenRequestException>(() => provider.GetAccessTokenAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal("invalid_client", ex.Error);
        Assert.Equal(401, ex.StatusCode);

        handler.Refuse = false;
        await provider.GetAccessTokenAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, handler.Requests);
    }

    private ClientAssertionTokenProvider NewProvider(CountingHandler handler, string algorithm = "RS256", string? scope = null) =>
        new(new HttpClient(handler), new ClientAssertionOptions { TokenEndpoint = Endpoint, ClientId = "client-1", SigningKey = TestKeys.ClientRsa.Key, Algorithm = algorithm, Scope = scope }, _time);

    private sealed class CountingHandler(int expiresIn) : HttpMessageHandler
    {
        private int _requests;

        public int Requests => _requests;

        public TaskCompletionSource? Gate { get; init; }

        public TaskCompletionSource FirstRequestSeen { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Refuse { get; set; }

        public Dictionary<string, string>? LastForm { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var n = Interlocked.Increment(ref _requests);
            var body = await request.Content!.ReadAsStringAsync(cancellationToken);
            LastForm = body.Split('&').Select(p => p.Split('=')).ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p[1].Replace('+', ' ')));
            FirstRequestSeen.TrySetResult();
            if (Gate is not null)
            {
                await Gate.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
            }

            var json = Refuse
                ? "{\"error\":\"invalid_client\",\"error_description\":\"no\"}"
                : $"{{\"access_token\":\"token-{n}\",\"token_type\":\"Bearer\",\"expires_in\":{expiresIn}}}";
            return new HttpResponseMessage(Refuse ? HttpStatusCode.Unauthorized : HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        }
    }
}
