using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Interop.Privacy.Internal;

/// <summary>
/// The key material resolved from <see cref="PrivacyOptions"/> (already validated): configured keys, or the
/// development keys generated into <see cref="PrivacyOptions.DevelopmentKeyDirectory"/> when none are configured.
/// </summary>
internal sealed class PrivacyKeys
{
    /// <summary>The key id of the generated development encryption key.</summary>
    public const byte DevelopmentEncryptionKeyId = 1;

    /// <summary>The file name of the development pseudonym key.</summary>
    public const string DevelopmentPseudonymKeyFileName = "pseudonym.key";

    /// <summary>The file name of the development encryption key.</summary>
    public const string DevelopmentEncryptionKeyFileName = "personal-data-1.key";

    public PrivacyKeys(IOptions<PrivacyOptions> options, ILogger<PrivacyKeys> logger)
    {
        var o = options.Value;
        PseudonymKeyVersion = o.PseudonymKeyVersion;
        PseudonymKey = LoadPseudonymKey(o, logger);
        (CurrentEncryptionKeyId, EncryptionKeys) = LoadEncryptionKeys(o, logger);
    }

    public byte[] PseudonymKey { get; }

    public int PseudonymKeyVersion { get; }

    public byte CurrentEncryptionKeyId { get; }

    public IReadOnlyDictionary<byte, byte[]> EncryptionKeys { get; }

    private static byte[] LoadPseudonymKey(PrivacyOptions o, ILogger logger)
    {
        const int Size = PrivacyOptions.MinimumPseudonymKeyBytes;
        if (o.PseudonymKey is { } key)
        {
            return KeyMaterial.TryDecode(key, Size, null, out var bytes, out var error) ? bytes : throw Invalid(nameof(o.PseudonymKey), error);
        }

        if (o.PseudonymKeyFile is { } file)
        {
            DevelopmentKeyFile.WarnIfOpen(file, logger);
            return KeyMaterial.TryReadFile(file, Size, null, out var bytes, out var error) ? bytes : throw Invalid(nameof(o.PseudonymKeyFile), error);
        }

        var path = Path.Combine(o.DevelopmentKeyDirectory, DevelopmentPseudonymKeyFileName);
        PrivacyLog.UsingDevelopmentKey(logger, $"{PrivacyOptions.SectionName}:{nameof(o.PseudonymKey)} or {nameof(o.PseudonymKeyFile)}", path);
        return DevelopmentKeyFile.GetOrCreate(path, Size, logger);
    }

    private static (byte, IReadOnlyDictionary<byte, byte[]>) LoadEncryptionKeys(PrivacyOptions o, ILogger logger)
    {
        const int Size = PrivacyOptions.EncryptionKeyBytes;
        var ring = new Dictionary<byte, byte[]>();
        foreach (var (id, value) in o.EncryptionKeys)
        {
            ring.Add(ParseId(id), KeyMaterial.TryDecode(value, Size, Size, out var bytes, out var error) ? bytes : throw Invalid($"{nameof(o.EncryptionKeys)}:{id}", error));
        }

        foreach (var (id, file) in o.EncryptionKeyFiles)
        {
            DevelopmentKeyFile.WarnIfOpen(file, logger);
            ring.Add(ParseId(id), KeyMaterial.TryReadFile(file, Size, Size, out var bytes, out var error) ? bytes : throw Invalid($"{nameof(o.EncryptionKeyFiles)}:{id}", error));
        }

        if (ring.Count > 0)
        {
            return ((byte)(o.CurrentEncryptionKeyId ?? throw Invalid(nameof(o.CurrentEncryptionKeyId), "is not set")), ring);
        }

        var path = Path.Combine(o.DevelopmentKeyDirectory, DevelopmentEncryptionKeyFileName);
        PrivacyLog.UsingDevelopmentKey(logger, $"{PrivacyOptions.SectionName}:{nameof(o.EncryptionKeys)} or {nameof(o.EncryptionKeyFiles)}", path);
        ring.Add(DevelopmentEncryptionKeyId, DevelopmentKeyFile.GetOrCreate(path, Size, logger));
        return (DevelopmentEncryptionKeyId, ring);
    }

    private static byte ParseId(string id) =>
        PrivacyOptionsValidator.TryParseKeyId(id, out var keyId) ? keyId : throw Invalid($"{nameof(PrivacyOptions.EncryptionKeys)}:{id}", "has an invalid key id");

    // Reached only when validation was bypassed (options changed after start); the validator normally reports these.
    private static InvalidOperationException Invalid(string setting, string error) =>
        new($"{PrivacyOptions.SectionName}:{setting} {error}.");
}
