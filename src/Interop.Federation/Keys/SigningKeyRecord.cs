namespace Interop.Federation.Keys;

/// <summary>
/// One of the hub's signing keys as stored. A key is published in the JWKS from <see cref="CreatedAt"/>, signs from
/// <see cref="SigningStartsAt"/> until a successor starts signing, and is removed at <see cref="RetiresAt"/>
/// (set when its successor is scheduled: the successor's start plus the longest token lifetime).
/// </summary>
/// <param name="Kid">The key id (the kid header of tokens it signs).</param>
/// <param name="Algorithm">The JWS algorithm (RS256).</param>
/// <param name="PrivateKeyPem">
/// The private key, PKCS#8 PEM. Holding it in the database is acceptable for the embedded default only; production
/// should keep it in a KMS/HSM or a protected file, never in the repository.
/// </param>
/// <param name="CreatedAt">When it was created and first published.</param>
/// <param name="SigningStartsAt">When it starts signing.</param>
/// <param name="RetiresAt">When it leaves the JWKS and is deleted; null while it has no successor.</param>
public sealed record SigningKeyRecord(
    string Kid,
    string Algorithm,
    string PrivateKeyPem,
    DateTimeOffset CreatedAt,
    DateTimeOffset SigningStartsAt,
    DateTimeOffset? RetiresAt);
