using System.Net;
using System.Text.Json;
using Interop.Federation.Client;
using Interop.Federation.Registry;
using Interop.Federation.Tests.Infrastructure;

namespace Interop.Federation.Tests.Interop;

/// <summary>Independent proof: Python's PyJWT and jwcrypto agree with the hub on both sides of the exchange.</summary>
public sealed class PythonJwtInteropTests : IAsyncLifetime
{
    private HubServer _hub = null!;

    public async Task InitializeAsync()
    {
        _hub = await HubServer.StartAsync();
        await Seed.GemeenteAsync(_hub.Partners);
    }

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task Python_ValidatesHubAccessToken_AgainstPublishedJwks()
    {
        var result = await _hub.PostAssertionAsync(Assertions.Sign(Assertions.Claims(Seed.GemeenteClient, HubServer.TokenEndpoint, DateTimeOffset.UtcNow), TestKeys.ClientRsa.Key));
        Assert.Equal(HttpStatusCode.OK, result.Status);

        var (exit, stdout, stderr) = await PythonPeer.RunAsync("verify_token.py", new Uri(_hub.BaseAddress, "/jwks").AbsoluteUri, result.AccessToken, HubServer.Issuer, "urn:interop:hub");
        Assert.True(exit == 0, stderr);
        var claims = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(Seed.GemeenteClient, claims.GetProperty("client_id").GetString());
        Assert.Equal(Seed.GemeenteOin, claims.GetProperty("oin").GetString());
    }

    [Fact]
    public async Task Python_RefusesTamperedHubAccessToken()
    {
        var result = await _hub.PostAssertionAsync(Assertions.Sign(Assertions.Claims(Seed.GemeenteClient, HubServer.TokenEndpoint, DateTimeOffset.UtcNow), TestKeys.ClientRsa.Key));
        var tampered = Assertions.Tamper(result.AccessToken, p => p["scope"] = "admin.all");

        var (exit, _, stderr) = await PythonPeer.RunAsync("verify_token.py", new Uri(_hub.BaseAddress, "/jwks").AbsoluteUri, tampered, HubServer.Issuer, "urn:interop:hub");
        Assert.NotEqual(0, exit);
        Assert.Contains("Signature verification failed", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("RS256")]
    [InlineData("PS256")]
    public async Task Hub_AcceptsAssertionSignedByPython(string algorithm)
    {
        var material = ClientKeyMaterial.Generate(2048);
        await _hub.Partners.AddClientAsync(new ApiClient("python-client", Seed.GemeenteOin, material.PublicJwks, null, ["status.read"]));
        var pemFile = Path.Combine(Path.GetTempPath(), "interop-py-" + Guid.NewGuid().ToString("N") + ".pem");
        await File.WriteAllTextAsync(pemFile, material.PrivateKeyPem);
        try
        {
            var (exit, assertion, stderr) = await PythonPeer.RunAsync("sign_assertion.py", pemFile, material.Kid, "python-client", HubServer.TokenEndpoint, algorithm);
            Assert.True(exit == 0, stderr);
            Assert.Equal(algorithm, new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(assertion).Alg);

            var result = await _hub.PostAssertionAsync(assertion);
            Assert.True(result.Status == HttpStatusCode.OK, result.Text);
            Assert.Equal("status.read", result.Body.GetProperty("scope").GetString());
        }
        finally
        {
            File.Delete(pemFile);
        }
    }
}
