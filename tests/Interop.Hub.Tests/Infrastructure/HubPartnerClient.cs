using Interop.Federation.Client;
using Interop.Federation.Registry;
using Interop.Federation.Storage;
using Interop.Grpc;
using Interop.Grpc.Client;

namespace Interop.Hub.Tests.Infrastructure;

/// <summary>
/// A partner's API client registered in a running hub's registry, with a call invoker that puts its hub access token
/// (obtained from the hub's token service with a signed client assertion) on every call.
/// </summary>
public sealed class HubPartnerClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly ClientAssertionTokenProvider _tokens;
    private readonly GrpcChannel _channel;

    private HubPartnerClient(HttpClient http, ClientAssertionTokenProvider tokens, GrpcChannel channel)
    {
        _http = http;
        _tokens = tokens;
        _channel = channel;
        CallInvoker = channel.Intercept(new TokenInjectionInterceptor(tokens));
    }

    /// <summary>Calls the hub with the client's access token.</summary>
    public CallInvoker CallInvoker { get; }

    /// <summary>Registers <paramref name="clientId"/> for the (already registered) organisation <paramref name="oin"/> with <paramref name="scopes"/>.</summary>
    public static async Task<HubPartnerClient> RegisterAsync(HubProcess hub, string oin, string clientId, params string[] scopes)
    {
        var key = ClientKeyMaterial.Generate(2048);
        await hub.Registry.AddClientAsync(new ApiClient(clientId, oin, key.PublicJwks, null, scopes));
        var http = new HttpClient();
        var tokens = new ClientAssertionTokenProvider(http, new ClientAssertionOptions
        {
            TokenEndpoint = new Uri(hub.OAuthAddress + "/token"),
            ClientId = clientId,
            SigningKey = ClientKeyMaterial.LoadPrivateKey(key.PrivateKeyPem, key.Kid),
        });
        return new HubPartnerClient(http, tokens, GrpcChannel.ForAddress(hub.GrpcAddress));
    }

    public void Dispose()
    {
        _channel.Dispose();
        _tokens.Dispose();
        _http.Dispose();
    }
}
