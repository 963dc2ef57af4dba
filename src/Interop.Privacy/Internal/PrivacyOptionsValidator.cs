using Microsoft.Extensions.Options;

namespace Interop.Privacy.Internal;

/// <summary>
/// Checks <see cref="PrivacyOptions"/> at start and reports every bad setting at once, by its configuration name.
/// Reads configured key files, so a missing or unreadable key fails the start instead of the first call.
/// </summary>
internal sealed class PrivacyOptionsValidator : IValidateOptions<PrivacyOptions>
{
    private const string Section = PrivacyOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, PrivacyOptions options)
    {
        var failures = new List<string>();
        ValidatePseudonymKey(options, failures);
        ValidateEncryptionKeys(options, failures);
        if (string.IsNullOrWhiteSpace(options.DevelopmentKeyDirectory))
        {
            failures.Add($"{Section}:{nameof(PrivacyOptions.DevelopmentKeyDirectory)} must not be empty.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidatePseudonymKey(PrivacyOptions options, List<string> failures)
    {
        if (options.PseudonymKey is not null && options.PseudonymKeyFile is not null)
        {
            failures.Add($"{Section}:{nameof(PrivacyOptions.PseudonymKey)} and {Section}:{nameof(PrivacyOptions.PseudonymKeyFile)} are both set; set one.");
        }
        else if (options.PseudonymKey is { } key &&
            !KeyMaterial.TryDecode(key, PrivacyOptions.MinimumPseudonymKeyBytes, null, out _, out var error))
        {
            failures.Add($"{Section}:{nameof(PrivacyOptions.PseudonymKey)} {error}.");
        }
        else if (options.PseudonymKeyFile is { } file &&
            !KeyMaterial.TryReadFile(file, PrivacyOptions.MinimumPseudonymKeyBytes, null, out _, out var fileError))
        {
            failures.Add($"{Section}:{nameof(PrivacyOptions.PseudonymKeyFile)} {fileError}.");
        }

        // The version is written into every pseudonym as decimal digits ("p1:"): keep it short and positive.
        if (options.PseudonymKeyVersion is < 1 or > 99)
        {
            failures.Add($"{Section}:{nameof(PrivacyOptions.PseudonymKeyVersion)} must be between 1 and 99.");
        }
    }

    private static void ValidateEncryptionKeys(PrivacyOptions options, List<string> failures)
    {
        var ids = new HashSet<byte>();
        foreach (var (setting, entries, fromFile) in new[]
        {
            (nameof(PrivacyOptions.EncryptionKeys), options.EncryptionKeys, false),
            (nameof(PrivacyOptions.EncryptionKeyFiles), options.EncryptionKeyFiles, true),
        })
        {
            foreach (var (id, value) in entries)
            {
                var name = $"{Section}:{setting}:{id}";
                if (!TryParseKeyId(id, out var keyId))
                {
                    failures.Add($"{name}: the key id must be a number from 1 to 255.");
                    continue;
                }

                if (!ids.Add(keyId))
                {
                    failures.Add($"{name}: key id {keyId} is configured more than once.");
                }

                string error;
                var valid = fromFile
                    ? KeyMaterial.TryReadFile(value, PrivacyOptions.EncryptionKeyBytes, PrivacyOptions.EncryptionKeyBytes, out _, out error)
                    : KeyMaterial.TryDecode(value, PrivacyOptions.EncryptionKeyBytes, PrivacyOptions.EncryptionKeyBytes, out _, out error);
                if (!valid)
                {
                    failures.Add($"{name} {error}.");
                }
            }
        }

        var current = $"{Section}:{nameof(PrivacyOptions.CurrentEncryptionKeyId)}";
        if (options.EncryptionKeys.Count + options.EncryptionKeyFiles.Count > 0 && options.CurrentEncryptionKeyId is null)
        {
            failures.Add($"{current} must be set when encryption keys are configured.");
        }
        else if (options.CurrentEncryptionKeyId is { } id &&
            (id is < 1 or > 255 || !ids.Contains((byte)id)) &&
            !(options.EncryptionKeys.Count + options.EncryptionKeyFiles.Count == 0 && id == PrivacyKeys.DevelopmentEncryptionKeyId))
        {
            failures.Add($"{current} ({id}) is not a key id in {Section}:{nameof(PrivacyOptions.EncryptionKeys)} or {Section}:{nameof(PrivacyOptions.EncryptionKeyFiles)}.");
        }
    }

    /// <summary>Key ids are written into every ciphertext as one byte; 0 is reserved.</summary>
    internal static bool TryParseKeyId(string text, out byte id) =>
        byte.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out id) && id != 0;
}
