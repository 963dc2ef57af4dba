namespace Interop.Privacy;

/// <summary>
/// Keys of the hub's data protection, bound from the <c>Interop:Privacy</c> configuration section and validated at
/// start. Keys are held outside the database: in a file (mounted secret) or in configuration (environment variable,
/// secret store), base64-encoded.
/// </summary>
/// <remarks>
/// With nothing configured (the embedded development default) the hub generates each missing key once into
/// <see cref="DevelopmentKeyDirectory"/> (file mode 0600), reuses it on later starts, and logs a warning: production
/// must provide its own keys, because whoever can read that file can recompute every pseudonym.
/// </remarks>
public sealed class PrivacyOptions
{
    /// <summary>The configuration section the options bind from.</summary>
    public const string SectionName = "Interop:Privacy";

    /// <summary>The least number of bytes a pseudonym key must have (HMAC-SHA256 block security).</summary>
    public const int MinimumPseudonymKeyBytes = 32;

    /// <summary>The size of an encryption key in bytes (AES-256).</summary>
    public const int EncryptionKeyBytes = 32;

    /// <summary>The pseudonym (HMAC) key, base64. Set this or <see cref="PseudonymKeyFile"/>, not both. Defaults to unset.</summary>
    public string? PseudonymKey { get; set; }

    /// <summary>Path of a file holding the pseudonym key, base64. Defaults to unset.</summary>
    public string? PseudonymKeyFile { get; set; }

    /// <summary>
    /// The version of the pseudonym key, written into every pseudonym ("p1:..."), so pseudonyms under a new key are
    /// recognisably different. 1-99. Defaults to 1.
    /// </summary>
    public int PseudonymKeyVersion { get; set; } = 1;

    /// <summary>
    /// The encryption key ring: key id (1-255, as configuration key) to AES-256 key (32 bytes, base64). Old keys stay
    /// in the ring so what they encrypted can still be decrypted. Defaults to empty.
    /// </summary>
    public Dictionary<string, string> EncryptionKeys { get; set; } = [];

    /// <summary>The encryption key ring as files: key id (1-255) to the path of a file holding the key, base64. Defaults to empty.</summary>
    public Dictionary<string, string> EncryptionKeyFiles { get; set; } = [];

    /// <summary>
    /// The key id new encryptions use; must be in <see cref="EncryptionKeys"/> or <see cref="EncryptionKeyFiles"/>.
    /// Defaults to unset, which is only valid when both are empty (the development default, key id 1).
    /// </summary>
    public int? CurrentEncryptionKeyId { get; set; }

    /// <summary>
    /// Where development keys are generated when none are configured. Defaults to the user's data folder
    /// (~/.local/share/interop on Linux), next to the hub's SQLite database.
    /// </summary>
    public string DevelopmentKeyDirectory { get; set; } =
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "interop");
}
