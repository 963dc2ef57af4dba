using Interop.Privacy.Tests.Infrastructure;

namespace Interop.Privacy.Tests;

public sealed class PrivacyOptionsValidationTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private Dictionary<string, string?> Settings(params (string Key, string? Value)[] values)
    {
        var settings = new Dictionary<string, string?> { ["Interop:Privacy:DevelopmentKeyDirectory"] = _temp.Combine("dev") };
        foreach (var (key, value) in values)
        {
            settings["Interop:Privacy:" + key] = value;
        }

        return settings;
    }

    [Fact]
    public void Validate_ConfiguredKeys_Succeeds()
    {
        var file = _temp.Combine("pseudonym.key");
        File.WriteAllText(file, TestKeys.Base64(32) + "\n");
        using var provider = PrivacyHost.Build(Settings(("PseudonymKeyFile", file), ("EncryptionKeys:1", TestKeys.Base64(32)),
            ("EncryptionKeys:2", TestKeys.Base64(32)), ("CurrentEncryptionKeyId", "2")));
        PrivacyHost.ValidateOnStart(provider);
    }

    [Fact]
    public void Validate_NothingConfigured_SucceedsForTheDevelopmentDefault()
    {
        using var provider = PrivacyHost.Build(Settings());
        PrivacyHost.ValidateOnStart(provider);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(31)]
    public void Validate_ShortPseudonymKey_NamesTheSetting(int bytes)
    {
        var key = TestKeys.Base64(bytes);
        var ex = PrivacyHost.ValidationFailure(Settings(("PseudonymKey", key)));
        Assert.Contains($"Interop:Privacy:PseudonymKey is {bytes} bytes; at least 32 bytes are required.", ex.Message);
        Assert.DoesNotContain(key, ex.Message);
    }

    [Fact]
    public void Validate_PseudonymKeyNotBase64_NamesTheSetting()
    {
        var ex = PrivacyHost.ValidationFailure(Settings(("PseudonymKey", "not base64 at all!")));
        Assert.Contains("Interop:Privacy:PseudonymKey is not valid base64.", ex.Message);
        Assert.DoesNotContain("not base64 at all", ex.Message);
    }

    [Fact]
    public void Validate_EmptyPseudonymKey_IsAnErrorNotTheDevelopmentDefault()
    {
        // An empty environment variable must not silently fall back to a generated key.
        var ex = PrivacyHost.ValidationFailure(Settings(("PseudonymKey", "")));
        Assert.Contains("Interop:Privacy:PseudonymKey is empty.", ex.Message);
    }

    [Fact]
    public void Validate_MissingPseudonymKeyFile_NamesTheSettingAndPath()
    {
        var file = _temp.Combine("absent.key");
        var ex = PrivacyHost.ValidationFailure(Settings(("PseudonymKeyFile", file)));
        Assert.Contains($"Interop:Privacy:PseudonymKeyFile ('{file}') cannot be read", ex.Message);
    }

    [Fact]
    public void Validate_ShortPseudonymKeyFile_NamesTheSetting()
    {
        var file = _temp.Combine("short.key");
        var key = TestKeys.Base64(20);
        File.WriteAllText(file, key);
        var ex = PrivacyHost.ValidationFailure(Settings(("PseudonymKeyFile", file)));
        Assert.Contains($"Interop:Privacy:PseudonymKeyFile ('{file}') is 20 bytes; at least 32 bytes are required.", ex.Message);
        Assert.DoesNotContain(key, ex.Message);
    }

    [Fact]
    public void Validate_BothPseudonymKeySettings_IsAnError()
    {
        var file = _temp.Combine("pseudonym.key");
        File.WriteAllText(file, TestKeys.Base64(32));
        var ex = PrivacyHost.ValidationFailure(Settings(("PseudonymKey", TestKeys.Base64(32)), ("PseudonymKeyFile", file)));
        Assert.Contains("Interop:Privacy:PseudonymKey and Interop:Privacy:PseudonymKeyFile are both set", ex.Message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("100")]
    public void Validate_PseudonymKeyVersionOutOfRange_NamesTheSetting(string version)
    {
        var ex = PrivacyHost.ValidationFailure(Settings(("PseudonymKeyVersion", version)));
        Assert.Contains("Interop:Privacy:PseudonymKeyVersion must be between 1 and 99.", ex.Message);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(31)]
    [InlineData(33)]
    [InlineData(64)]
    public void Validate_EncryptionKeyNotAes256_NamesTheSetting(int bytes)
    {
        var key = TestKeys.Base64(bytes);
        var ex = PrivacyHost.ValidationFailure(Settings(("EncryptionKeys:1", key), ("CurrentEncryptionKeyId", "1")));
        Assert.Contains($"Interop:Privacy:EncryptionKeys:1 is {bytes} bytes; it must be exactly 32 bytes.", ex.Message);
        Assert.DoesNotContain(key, ex.Message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("256")]
    [InlineData("k1")]
    [InlineData("-1")]
    public void Validate_BadKeyId_NamesTheSetting(string id)
    {
        var ex = PrivacyHost.ValidationFailure(Settings(($"EncryptionKeys:{id}", TestKeys.Base64(32)), ("CurrentEncryptionKeyId", "1")));
        Assert.Contains($"Interop:Privacy:EncryptionKeys:{id}: the key id must be a number from 1 to 255.", ex.Message);
    }

    [Fact]
    public void Validate_KeyIdInBothRings_IsAnError()
    {
        var file = _temp.Combine("one.key");
        File.WriteAllText(file, TestKeys.Base64(32));
        var ex = PrivacyHost.ValidationFailure(Settings(("EncryptionKeys:1", TestKeys.Base64(32)), ("EncryptionKeyFiles:1", file), ("CurrentEncryptionKeyId", "1")));
        Assert.Contains("Interop:Privacy:EncryptionKeyFiles:1: key id 1 is configured more than once.", ex.Message);
    }

    [Fact]
    public void Validate_CurrentKeyIdMissing_NamesTheSetting()
    {
        var ex = PrivacyHost.ValidationFailure(Settings(("EncryptionKeys:1", TestKeys.Base64(32))));
        Assert.Contains("Interop:Privacy:CurrentEncryptionKeyId must be set when encryption keys are configured.", ex.Message);
    }

    [Theory]
    [InlineData("2")]
    [InlineData("0")]
    [InlineData("300")]
    public void Validate_CurrentKeyIdNotInRing_NamesTheSetting(string current)
    {
        var ex = PrivacyHost.ValidationFailure(Settings(("EncryptionKeys:1", TestKeys.Base64(32)), ("CurrentEncryptionKeyId", current)));
        Assert.Contains($"Interop:Privacy:CurrentEncryptionKeyId ({current}) is not a key id", ex.Message);
    }

    [Fact]
    public void Validate_MissingEncryptionKeyFile_NamesTheSetting()
    {
        var file = _temp.Combine("absent.key");
        var ex = PrivacyHost.ValidationFailure(Settings(("EncryptionKeyFiles:4", file), ("CurrentEncryptionKeyId", "4")));
        Assert.Contains($"Interop:Privacy:EncryptionKeyFiles:4 ('{file}') cannot be read", ex.Message);
    }

    [Fact]
    public void Validate_SeveralErrors_ReportedTogether()
    {
        var ex = PrivacyHost.ValidationFailure(Settings(("PseudonymKey", TestKeys.Base64(8)), ("EncryptionKeys:1", "%%%"),
            ("CurrentEncryptionKeyId", "9"), ("PseudonymKeyVersion", "0")));
        Assert.Equal(4, ex.Failures.Count());
    }
}
