using Grpc.Health.V1;
using Grpc.Reflection.V1;
using Interop.Federation.Client;
using Interop.Federation.Registry;
using Interop.Federation.Storage;
using Interop.Grpc.Client;
using Interop.Hub.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Interop.Hub.Tests;

/// <summary>The hub program as the README's run command starts it: on its embedded defaults, reachable and healthy.</summary>
public sealed class HubStartupTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Hub_EmbeddedDefaults_HealthServingAndReflectionListsServices()
    {
        await using var hub = await HubProcess.StartAsync();
        using var channel = GrpcChannel.ForAddress(hub.GrpcAddress);

        var health = await new global::Grpc.Health.V1.Health.HealthClient(channel).CheckAsync(new HealthCheckRequest()).ResponseAsync.WaitAsync(Timeout);
        Assert.True(health.Status == ServingStatus.Serving, hub.Output);

        using var reflection = new ServerReflection.ServerReflectionClient(channel).ServerReflectionInfo();
        await reflection.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" }).WaitAsync(Timeout);
        await reflection.RequestStream.CompleteAsync().WaitAsync(Timeout);
        Assert.True(await reflection.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(Timeout));
        var services = reflection.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
        Assert.Contains("grpc.health.v1.Health", services);
        Assert.Contains("grpc.reflection.v1.ServerReflection", services);

        // With no keys configured, the development keys for pseudonyms and personal-data encryption exist, outside the database.
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(hub.DatabasePath)!, "pseudonym.key")), hub.Output);
    }

    [Fact]
    public async Task Hub_RegisteredClient_GetsAccessTokenForItsOrganisation()
    {
        await using var hub = await HubProcess.StartAsync();
        var key = ClientKeyMaterial.Generate(2048);
        var store = new SqliteFederationStore(hub.DatabasePath);
        await store.AddOrganisationAsync(new Organisation("00000001823288444000", "ROC van Twente", OrganisationKind.Roc, "RMC38"));
        await store.AddClientAsync(new ApiClient("roc-twente-sis", "00000001823288444000", key.PublicJwks, null, ["status.read"]));

        using var http = new HttpClient();
        using var tokens = new ClientAssertionTokenProvider(http, new ClientAssertionOptions
        {
            TokenEndpoint = new Uri(hub.OAuthAddress + "/token"),
            ClientId = "roc-twente-sis",
            SigningKey = ClientKeyMaterial.LoadPrivateKey(key.PrivateKeyPem, key.Kid),
        });
        var token = new JsonWebToken(await tokens.GetAccessTokenAsync().AsTask().WaitAsync(Timeout));

        Assert.Equal("at+jwt", token.Typ);
        Assert.Equal(hub.OAuthAddress, token.Issuer);
        Assert.Equal("00000001823288444000", token.GetClaim("oin").Value);
        Assert.Equal("status.read", token.GetClaim("scope").Value);
    }

    [Fact]
    public async Task Hub_RedisUnreachable_HealthNotServing()
    {
        // Nothing listens on this port: the shared state (replay protection, rate limits) is down, so the node must
        // leave the load balancer's rotation rather than fail every token request and call. The port stays bound (not
        // listening) by this test while it runs, so no test running in parallel can start listening on it.
        using var holder = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        holder.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        var port = ((System.Net.IPEndPoint)holder.LocalEndPoint!).Port;
        await using var hub = await HubProcess.StartAsync($"--Caching:Redis=127.0.0.1:{port},connectTimeout=500,syncTimeout=500");
        using var channel = GrpcChannel.ForAddress(hub.GrpcAddress);

        var health = await new global::Grpc.Health.V1.Health.HealthClient(channel).CheckAsync(new HealthCheckRequest()).ResponseAsync.WaitAsync(Timeout);

        Assert.True(health.Status == ServingStatus.NotServing, hub.Output);
    }

    [Fact]
    public void Hub_RuntimeConfig_ServerGcWithoutDynamicAdaptation()
    {
        // What the .NET host reads when it starts the hub: the server GC, and DATAS (on by default since .NET 9) off,
        // whose small first generation cost the hub 10-19% of its status queries per second (docs/benchmarks.md).
        var path = Path.ChangeExtension(HubProcess.HubDll(), ".runtimeconfig.json");
        using var config = System.Text.Json.JsonDocument.Parse(File.ReadAllText(path));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.True(properties.GetProperty("System.GC.Server").GetBoolean());
        Assert.Equal(0, properties.GetProperty("System.GC.DynamicAdaptationMode").GetInt32());
    }

    [Theory]
    [InlineData("--Interop:Storage:Provider=PostgreSql", "ConnectionString is required with the PostgreSql provider")]
    [InlineData("--Interop:Storage:MaxWriteBatch=0", "MaxWriteBatch must be 1-10000")]
    public async Task Hub_StorageMisconfigured_RefusesToStartAndSaysWhy(string setting, string reason)
    {
        // A storage setting that cannot work stops the start (options validated at start), before any call is served.
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => HubProcess.StartAsync(setting));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }
}
