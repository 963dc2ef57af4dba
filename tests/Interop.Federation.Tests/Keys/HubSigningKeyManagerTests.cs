using Interop.Federation.Keys;
using Interop.Federation.Tests.Infrastructure;

namespace Interop.Federation.Tests.Keys;

public sealed class HubSigningKeyManagerTests : IDisposable
{
    private static readonly HubKeyRotationPolicy Policy = new(
        RotationPeriod: TimeSpan.FromDays(30),
        PublicationLeadTime: TimeSpan.FromDays(1),
        RetireAfter: TimeSpan.FromMinutes(11),
        RefreshInterval: TimeSpan.FromMinutes(1));

    private readonly TempDatabase _db = new();
    private readonly TestTimeProvider _time = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task FirstUse_CreatesOneKeyThatSignsAtOnce()
    {
        var ring = await NewManager().GetKeyRingAsync();
        var key = Assert.Single(await _db.Store.ListSigningKeysAsync());
        Assert.Equal(key.Kid, ring.SigningCredentials.Key.KeyId);
        Assert.Equal(_time.GetUtcNow(), key.SigningStartsAt);
        Assert.Single(ring.PublishedKeys);
    }

    [Fact]
    public async Task NewManagerOnSameStore_ReusesKey_NotRegenerated()
    {
        var first = await NewManager().GetKeyRingAsync();
        var second = await NewManager().GetKeyRingAsync();
        Assert.Equal(first.SigningCredentials.Key.KeyId, second.SigningCredentials.Key.KeyId);
        Assert.Single(await _db.Store.ListSigningKeysAsync());
    }

    [Fact]
    public async Task ImmediateRotation_AtTheInstantTheCurrentKeyStarted_NewKeySigns()
    {
        var manager = NewManager();
        var first = await manager.GetKeyRingAsync();

        // Same clock reading for both keys: the tie must go to the key created last.
        var rotated = await manager.RotateAsync(TimeSpan.Zero);
        var ring = await manager.GetKeyRingAsync();

        Assert.NotEqual(first.SigningCredentials.Key.KeyId, rotated.Kid);
        Assert.Equal(rotated.Kid, ring.SigningCredentials.Key.KeyId);
        Assert.Equal(2, ring.PublishedKeys.Count);
    }

    [Fact]
    public async Task BeforeRotationDue_NoSuccessor()
    {
        var manager = NewManager();
        await manager.GetKeyRingAsync();
        _time.Advance(TimeSpan.FromDays(28));
        var ring = await manager.GetKeyRingAsync();
        Assert.Single(ring.PublishedKeys);
    }

    [Fact]
    public async Task LeadTimeBeforeRotation_SuccessorPublishedButNotSigning()
    {
        var manager = NewManager();
        var original = (await manager.GetKeyRingAsync()).SigningCredentials.Key.KeyId;
        _time.Advance(TimeSpan.FromDays(29));

        var ring = await manager.GetKeyRingAsync();
        Assert.Equal(2, ring.PublishedKeys.Count);
        Assert.Equal(original, ring.SigningCredentials.Key.KeyId);
        var successor = ring.PublishedKeys.Single(k => k.Kid != original);
        Assert.Equal(_time.GetUtcNow() + TimeSpan.FromDays(1), (await _db.Store.ListSigningKeysAsync()).Single(k => k.Kid == successor.Kid).SigningStartsAt);
    }

    [Fact]
    public async Task AtRotation_SuccessorSigns_OldStaysPublishedUntilItsTokensExpire()
    {
        var manager = NewManager();
        var original = (await manager.GetKeyRingAsync()).SigningCredentials.Key.KeyId;
        _time.Advance(TimeSpan.FromDays(29));
        await manager.GetKeyRingAsync();

        _time.Advance(TimeSpan.FromDays(1));
        var ring = await manager.GetKeyRingAsync();
        Assert.NotEqual(original, ring.SigningCredentials.Key.KeyId);
        Assert.Contains(ring.PublishedKeys, k => k.Kid == original);

        _time.Advance(TimeSpan.FromMinutes(10));
        Assert.Contains((await manager.GetKeyRingAsync()).PublishedKeys, k => k.Kid == original);

        _time.Advance(TimeSpan.FromMinutes(1));
        ring = await manager.GetKeyRingAsync();
        Assert.DoesNotContain(ring.PublishedKeys, k => k.Kid == original);
        Assert.DoesNotContain(await _db.Store.ListSigningKeysAsync(), k => k.Kid == original);
    }

    [Fact]
    public async Task LateCheck_SuccessorStillPublishedFullLeadTimeBeforeSigning()
    {
        var manager = NewManager();
        var original = (await manager.GetKeyRingAsync()).SigningCredentials.Key.KeyId;
        // Nobody asked for 40 days: the successor must not start signing the instant it is created.
        _time.Advance(TimeSpan.FromDays(40));
        var ring = await manager.GetKeyRingAsync();
        Assert.Equal(original, ring.SigningCredentials.Key.KeyId);
        Assert.Equal(2, ring.PublishedKeys.Count);
    }

    [Fact]
    public async Task ManualRotate_PublishesNowSignsAfterLeadTime()
    {
        var manager = NewManager();
        var original = (await manager.GetKeyRingAsync()).SigningCredentials.Key.KeyId;
        var successor = await manager.RotateAsync(TimeSpan.FromHours(1));
        Assert.Equal(2, (await manager.GetKeyRingAsync()).PublishedKeys.Count);
        Assert.Equal(original, (await manager.GetKeyRingAsync()).SigningCredentials.Key.KeyId);

        _time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(successor.Kid, (await manager.GetKeyRingAsync()).SigningCredentials.Key.KeyId);
    }

    [Fact]
    public async Task ManualRotate_Twice_ReturnsTheScheduledSuccessor()
    {
        var manager = NewManager();
        var first = await manager.RotateAsync(TimeSpan.FromHours(1));
        var second = await manager.RotateAsync(TimeSpan.FromHours(1));
        Assert.Equal(first.Kid, second.Kid);
    }

    private HubSigningKeyManager NewManager() => new(_db.Store, Policy, _time);
}
