namespace Interop.Federation.Keys;

/// <summary>When the hub's signing keys are created, start signing and retire.</summary>
/// <param name="RotationPeriod">How long a key signs before its successor takes over.</param>
/// <param name="PublicationLeadTime">How long a new key is published in the JWKS before it signs, so every validator has fetched it.</param>
/// <param name="RetireAfter">How long an old key stays published after it stops signing: the longest token lifetime plus clock skew.</param>
/// <param name="RefreshInterval">How often a node re-reads the key store, to see keys another node or the admin tool created.</param>
public sealed record HubKeyRotationPolicy(TimeSpan RotationPeriod, TimeSpan PublicationLeadTime, TimeSpan RetireAfter, TimeSpan RefreshInterval)
{
    /// <summary>The defaults: rotate every 30 days, publish a day ahead, retire 11 minutes after, refresh each minute.</summary>
    public static HubKeyRotationPolicy Default { get; } = new(TimeSpan.FromDays(30), TimeSpan.FromDays(1), TimeSpan.FromMinutes(11), TimeSpan.FromMinutes(1));
}
