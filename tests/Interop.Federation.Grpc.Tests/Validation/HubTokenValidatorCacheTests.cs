using Interop.Federation.Grpc.Internal;
using Interop.Federation.Grpc.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.IdentityModel.Tokens;

namespace Interop.Federation.Grpc.Tests.Validation;

/// <summary>The validated-token cache inside the validator: what it may skip, and what it must never skip.</summary>
public sealed class HubTokenValidatorCacheTests
{
    private static readonly TimeSpan Skew = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly TestTimeProvider _clock = new();
    private readonly FakeKeySource _source = new();
    private readonly SigningCredentials _credentials = HubTokens.ForeignRsa("hub-key-1");
    private readonly ValidatedTokenCache _cache = new(capacity: 100, Skew);
    private readonly HubTokenValidator _validator;

    public HubTokenValidatorCacheTests()
    {
        _source.Keys.Add(_credentials.Key);
        var keys = new ValidationKeyCache(_source, _clock, TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(10), NullLogger.Instance, _cache.RetainKeys);
        _validator = new HubTokenValidator(keys, _clock, AuthzServer.Issuer, "urn:interop:hub", Skew, _cache);
    }

    private Task<TokenCheck> ValidateAsync(string token) => _validator.ValidateAsync(token, CancellationToken.None).AsTask().WaitAsync(Timeout);

    [Fact]
    public async Task Validate_SameTokenTwice_SecondServedFromCache()
    {
        var token = HubTokens.Create(_credentials, _clock.GetUtcNow());

        var first = await ValidateAsync(token);
        var second = await ValidateAsync(token);

        Assert.NotNull(first.Caller);
        Assert.False(first.FromCache);
        Assert.True(second.FromCache);
        Assert.Same(first.Caller, second.Caller);
        Assert.Equal(1, _cache.Count);
    }

    [Fact]
    public async Task Validate_CachedTokenWithinSkewAfterExp_Accepted_BeyondSkew_Refused()
    {
        var token = HubTokens.Create(_credentials, _clock.GetUtcNow());
        await ValidateAsync(token);

        _clock.Advance(TimeSpan.FromMinutes(5) + Skew - TimeSpan.FromSeconds(1));
        var withinSkew = await ValidateAsync(token);
        _clock.Advance(TimeSpan.FromSeconds(2));
        var beyondSkew = await ValidateAsync(token);

        Assert.True(withinSkew.FromCache);
        Assert.NotNull(withinSkew.Caller);
        Assert.True(beyondSkew.FromCache);
        Assert.Null(beyondSkew.Caller);
        Assert.True(beyondSkew.Expired);
        Assert.Equal(0, _cache.Count);
    }

    [Fact]
    public async Task Validate_TamperedPayloadOrSignature_NotServedFromCache_Refused()
    {
        var token = HubTokens.Create(_credentials, _clock.GetUtcNow(), d => d.Claims["scope"] = "referrals.read");
        await ValidateAsync(token);
        var (header, payload, signature) = HubTokens.Split(token);
        var json = Base64UrlEncoder.Decode(payload).Replace("\"referrals.read\"", "\"referrals.read referrals.write\"", StringComparison.Ordinal);
        // A middle character of the signature: every bit of it is significant (the last one carries padding bits).
        var middle = signature.Length / 2;
        var flipped = signature[..middle] + (signature[middle] == 'A' ? 'B' : 'A') + signature[(middle + 1)..];

        var tamperedPayload = await ValidateAsync(header + "." + HubTokens.Segment(json) + "." + signature);
        var tamperedSignature = await ValidateAsync(header + "." + payload + "." + flipped);

        Assert.Null(tamperedPayload.Caller);
        Assert.False(tamperedPayload.FromCache);
        Assert.Null(tamperedSignature.Caller);
        Assert.False(tamperedSignature.FromCache);
        Assert.Equal(1, _cache.Count);
    }

    [Fact]
    public async Task Validate_KidRemovedFromPublishedSet_RefusedAndEntriesDropped()
    {
        var token = HubTokens.Create(_credentials, _clock.GetUtcNow());
        var other = HubTokens.Create(_credentials, _clock.GetUtcNow());
        Assert.True((await ValidateAsync(token)).Caller is not null);
        Assert.True((await ValidateAsync(other)).Caller is not null);
        Assert.Equal(2, _cache.Count);

        // The key is retired or revoked: it leaves the published set; the next re-read (refresh interval) sees it.
        _source.Keys.Clear();
        _clock.Advance(TimeSpan.FromMinutes(1));
        var check = await ValidateAsync(token);

        Assert.Null(check.Caller);
        Assert.Equal("unknown kid", check.Reason);
        Assert.Equal(0, _cache.Count);
    }

    [Fact]
    public async Task Validate_KeyReplacedUnderSameKid_RevalidatesAgainstNewKey()
    {
        var token = HubTokens.Create(_credentials, _clock.GetUtcNow());
        await ValidateAsync(token);

        // A source that re-issues a different key under the same kid: the cached result was proven with the old one.
        _source.Keys.Clear();
        _source.Keys.Add(HubTokens.ForeignRsa("hub-key-1").Key);
        _clock.Advance(TimeSpan.FromMinutes(1));
        var check = await ValidateAsync(token);

        Assert.Null(check.Caller);
        Assert.False(check.FromCache);
    }

    [Fact]
    public async Task Validate_CacheOff_EveryCallValidatedInFull()
    {
        var keys = new ValidationKeyCache(_source, _clock, TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(10), NullLogger.Instance);
        var validator = new HubTokenValidator(keys, _clock, AuthzServer.Issuer, "urn:interop:hub", Skew);
        var token = HubTokens.Create(_credentials, _clock.GetUtcNow());

        var first = await validator.ValidateAsync(token, CancellationToken.None).AsTask().WaitAsync(Timeout);
        var second = await validator.ValidateAsync(token, CancellationToken.None).AsTask().WaitAsync(Timeout);

        Assert.NotNull(second.Caller);
        Assert.False(first.FromCache);
        Assert.False(second.FromCache);
    }
}
