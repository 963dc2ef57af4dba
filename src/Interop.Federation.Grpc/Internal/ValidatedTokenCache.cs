using System.Collections.Concurrent;
using Microsoft.IdentityModel.Tokens;

namespace Interop.Federation.Grpc.Internal;

/// <summary>
/// Results of full token validations (signature, iss, aud, typ, alg, lifetime, claims), keyed by the SHA-256 of the
/// exact token string, so a client that reuses its token (as it should, for ~80% of its lifetime) pays the RSA
/// verification once instead of on every call.
/// <para>
/// Process-local on purpose: the result is a pure function of the token string, the published keys and the clock, so
/// every node computes the same answer and nothing needs sharing. A shared cache (Redis) would cost a network round
/// trip, more than the ~100 us it saves, and would let whoever can write to it skip the signature check on every node.
/// </para>
/// <para>
/// An entry is served only while the kid's key in the current published set is the very key that verified it: a
/// retired or revoked key makes its tokens go through full validation again (and fail on the unknown kid), and
/// <see cref="RetainKeys"/> drops such entries when the key set is re-read. Lifetime is checked by the caller on every
/// hit. Bounded: at <see cref="Capacity"/> entries a sweep drops expired entries, then the oldest, down to 90%.
/// </para>
/// </summary>
internal sealed class ValidatedTokenCache
{
    private readonly ConcurrentDictionary<TokenHash, Entry> _entries = new();
    private readonly Lock _sweepLock = new();
    private readonly TimeSpan _clockSkew;
    private int _count;
    private long _sequence;

    public ValidatedTokenCache(int capacity, TimeSpan clockSkew)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Capacity = capacity;
        _clockSkew = clockSkew;
    }

    public int Capacity { get; }

    /// <summary>Entries held now (maintained without ConcurrentDictionary.Count, which takes every lock).</summary>
    public int Count => Volatile.Read(ref _count);

    public bool TryGet(TokenHash hash, out Entry entry) => _entries.TryGetValue(hash, out entry!);

    /// <summary>Remembers a successful validation; skipped (not an error) when a concurrent sweep holds the cache full.</summary>
    public void Add(TokenHash hash, HubCaller caller, SecurityKey key, DateTimeOffset expires, DateTimeOffset? notBefore, DateTimeOffset now)
    {
        if (Volatile.Read(ref _count) >= Capacity && !TrySweep(now))
        {
            return;
        }

        var entry = new Entry(caller, key, expires, notBefore, Interlocked.Increment(ref _sequence));
        if (_entries.TryAdd(hash, entry))
        {
            Interlocked.Increment(ref _count);
        }
    }

    public void Remove(TokenHash hash)
    {
        if (_entries.TryRemove(hash, out _))
        {
            Interlocked.Decrement(ref _count);
        }
    }

    /// <summary>Drops every entry whose verifying key is no longer the published key of its kid.</summary>
    public void RetainKeys(IReadOnlyDictionary<string, SecurityKey> published)
    {
        foreach (var (hash, entry) in _entries)
        {
            if (!published.TryGetValue(entry.Key.KeyId, out var current) || !ReferenceEquals(current, entry.Key))
            {
                Remove(hash);
            }
        }
    }

    /// <summary>Whether the token is past exp plus the skew: the same rule as the full validation.</summary>
    public bool IsExpired(Entry entry, DateTimeOffset now) => entry.Expires < now - _clockSkew;

    private bool TrySweep(DateTimeOffset now)
    {
        if (!_sweepLock.TryEnter())
        {
            return false;
        }

        try
        {
            if (Volatile.Read(ref _count) < Capacity)
            {
                return true;
            }

            var live = new List<KeyValuePair<TokenHash, Entry>>(Capacity);
            foreach (var pair in _entries)
            {
                if (IsExpired(pair.Value, now))
                {
                    Remove(pair.Key);
                }
                else
                {
                    live.Add(pair);
                }
            }

            // Down to 90%, so the O(n) sweep runs once per Capacity/10 additions rather than on each.
            var excess = live.Count - (Capacity - Math.Max(1, Capacity / 10));
            if (excess > 0)
            {
                live.Sort(static (x, y) => x.Value.Sequence.CompareTo(y.Value.Sequence));
                for (var i = 0; i < excess; i++)
                {
                    Remove(live[i].Key);
                }
            }

            return true;
        }
        finally
        {
            _sweepLock.Exit();
        }
    }

    /// <summary>One validated token: who it names, which key verified it and its lifetime.</summary>
    internal sealed record Entry(HubCaller Caller, SecurityKey Key, DateTimeOffset Expires, DateTimeOffset? NotBefore, long Sequence);
}
