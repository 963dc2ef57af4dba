using Interop.Federation.Grpc.Internal;
using Interop.Federation.Registry;
using Microsoft.IdentityModel.Tokens;

namespace Interop.Federation.Grpc.Tests.Validation;

public sealed class ValidatedTokenCacheTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly SecurityKey Key = new SymmetricSecurityKey(new byte[32]) { KeyId = "k1" };
    private static readonly HubCaller Caller = new("00000001001234567000", OrganisationKind.Gemeente, null, "c", new HashSet<string>(), "jti");

    [Fact]
    public void Add_BeyondCapacity_EvictsOldestAndStaysBounded()
    {
        var cache = new ValidatedTokenCache(capacity: 10, TimeSpan.FromSeconds(30));
        var hashes = Enumerable.Range(0, 25).Select(i => TokenHash.Compute("token-" + i)).ToList();

        foreach (var hash in hashes)
        {
            cache.Add(hash, Caller, Key, Now.AddMinutes(5), null, Now);
        }

        Assert.InRange(cache.Count, 1, 10);
        Assert.True(cache.TryGet(hashes[^1], out _));
        Assert.False(cache.TryGet(hashes[0], out _));
    }

    [Fact]
    public void Add_AtCapacity_EvictsExpiredBeforeLive()
    {
        var cache = new ValidatedTokenCache(capacity: 4, TimeSpan.FromSeconds(30));
        var live = new[] { "a", "b", "c" }.Select(TokenHash.Compute).ToList();
        var expired = TokenHash.Compute("expired");
        cache.Add(live[0], Caller, Key, Now.AddMinutes(5), null, Now);
        cache.Add(expired, Caller, Key, Now.AddSeconds(-31), null, Now);
        cache.Add(live[1], Caller, Key, Now.AddMinutes(5), null, Now);
        cache.Add(live[2], Caller, Key, Now.AddMinutes(5), null, Now);

        cache.Add(TokenHash.Compute("new"), Caller, Key, Now.AddMinutes(5), null, Now);

        Assert.Equal(4, cache.Count);
        Assert.False(cache.TryGet(expired, out _));
        Assert.All(live, h => Assert.True(cache.TryGet(h, out _)));
    }

    [Fact]
    public void RetainKeys_KidNoLongerPublished_DropsItsEntries()
    {
        var cache = new ValidatedTokenCache(capacity: 10, TimeSpan.FromSeconds(30));
        var other = new SymmetricSecurityKey(new byte[32]) { KeyId = "k2" };
        cache.Add(TokenHash.Compute("of-k1"), Caller, Key, Now.AddMinutes(5), null, Now);
        cache.Add(TokenHash.Compute("of-k2"), Caller, other, Now.AddMinutes(5), null, Now);

        cache.RetainKeys(new Dictionary<string, SecurityKey> { ["k2"] = other });

        Assert.Equal(1, cache.Count);
        Assert.True(cache.TryGet(TokenHash.Compute("of-k2"), out _));
    }

    [Fact]
    public void TokenHash_DiffersForOneCharacter_AndIsStable()
    {
        Assert.Equal(TokenHash.Compute("a.b.c"), TokenHash.Compute("a.b.c"));
        Assert.NotEqual(TokenHash.Compute("a.b.c"), TokenHash.Compute("a.b.d"));
    }
}
