using Interop.Federation.TokenService;
using Interop.Federation.TokenService.Internal;

namespace Interop.Federation.Tests.TokenService;

public sealed class RulesTests
{
    [Theory]
    [InlineData("AAECAwQFBgcICQoLDA0ODw", true)] // 16 random bytes, base64url: 22 chars
    [InlineData("0f8fad5b-d9cb-469f-a165-70867728950e", true)] // a UUID: 32 hex digits
    [InlineData("000102030405060708090a0b0c0d0e0f", true)]
    [InlineData("0123456789abcdef0123456789abcdef0123", true)]
    [InlineData("0123456789abcdef0123456789ab", false)] // 28 hex digits: 112 bits
    [InlineData("abc", false)]
    [InlineData("AAECAwQFBgcICQoLDA0OD", false)] // 21 chars
    [InlineData("AAECAwQFBgcICQoLDA0OD w", false)] // space
    public void Jti_Rule(string jti, bool acceptable) => Assert.Equal(acceptable, JtiRule.IsAcceptable(jti));

    [Fact]
    public void Jti_TooLong_Refused() => Assert.False(JtiRule.IsAcceptable(new string('a', 257)));

    [Fact]
    public void Scope_NoneRequested_GrantsAllAllowed() => Assert.Equal(["a", "b"], ScopeSet.Grant([], ["b", "a"]));

    [Fact]
    public void Scope_Subset_Granted() => Assert.Equal(["a"], ScopeSet.Grant(["a"], ["a", "b"]));

    [Fact]
    public void Scope_BeyondAllowed_Refused() => Assert.Null(ScopeSet.Grant(["a", "c"], ["a", "b"]));

    [Fact]
    public void Scope_NothingAllowed_Refused() => Assert.Null(ScopeSet.Grant([], []));

    [Fact]
    public void Scope_Malformed_Refused() => Assert.Null(ScopeSet.Parse("a \"b\""));

    [Fact]
    public void Options_Defaults_AreValid() =>
        Assert.True(new TokenServiceOptionsValidator().Validate(null, new TokenServiceOptions { Issuer = "https://hub.example.nl" }).Succeeded);

    [Fact]
    public void Options_EveryBadSettingReportedAtOnce()
    {
        var result = new TokenServiceOptionsValidator().Validate(null, new TokenServiceOptions
        {
            Issuer = "http://hub.example.nl/path",
            AccessTokenLifetime = TimeSpan.FromMinutes(11),
            AssertionMaxLifetime = TimeSpan.FromMinutes(6),
            ClockSkew = TimeSpan.FromMinutes(2),
            SigningKeyRotationPeriod = TimeSpan.FromMinutes(30),
            TrustedIssuers = [new TrustedIssuerOptions { Issuer = "https://idp", OrganisationOin = "123" }],
        });
        Assert.False(result.Succeeded);
        var failures = result.Failures!.ToList();
        Assert.Contains(failures, f => f.Contains("Issuer must", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("AccessTokenLifetime", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("AssertionMaxLifetime", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("ClockSkew", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("SigningKeyRotationPeriod", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("TrustedIssuers:0:Exactly one", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("TrustedIssuers:0:OrganisationOin", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("TrustedIssuers:0:MaxScopes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Options_InvalidAtStart_HostFailsToStart()
    {
        var ex = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() =>
            Infrastructure.HubServer.StartAsync(o => o.AccessTokenLifetime = TimeSpan.FromHours(1)).WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Contains("AccessTokenLifetime", ex.Message, StringComparison.Ordinal);
    }
}
