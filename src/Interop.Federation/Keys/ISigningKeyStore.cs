namespace Interop.Federation.Keys;

/// <summary>Durable storage of the hub's signing keys (persisted: never regenerated at start).</summary>
public interface ISigningKeyStore
{
    /// <summary>Every stored key, ordered by <see cref="SigningKeyRecord.SigningStartsAt"/>.</summary>
    Task<IReadOnlyList<SigningKeyRecord>> ListSigningKeysAsync(CancellationToken cancellationToken = default);

    /// <summary>Stores a new key.</summary>
    Task AddSigningKeyAsync(SigningKeyRecord key, CancellationToken cancellationToken = default);

    /// <summary>Sets when a key retires.</summary>
    Task SetSigningKeyRetiresAtAsync(string kid, DateTimeOffset retiresAt, CancellationToken cancellationToken = default);

    /// <summary>Deletes a retired key.</summary>
    Task DeleteSigningKeyAsync(string kid, CancellationToken cancellationToken = default);
}
