using Interop.Privacy.Internal;
using Interop.Privacy.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Interop.Privacy.Tests;

// File modes are POSIX: the hub and its CI run on Linux.
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PrivacyRegistrationTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private static readonly Bsn Subject = Bsn.Parse("111222333");

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string DevDirectory => _temp.Combine("share", "interop");

    private IHost BuildHost(CollectingLoggerProvider logs, params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(
            [new("Interop:Privacy:DevelopmentKeyDirectory", DevDirectory), .. settings.Select(s => new KeyValuePair<string, string?>("Interop:Privacy:" + s.Key, s.Value))]);
        builder.Logging.AddProvider(logs);
        builder.Services.AddInteropPrivacy();
        return builder.Build();
    }

    [Fact]
    public async Task Start_NothingConfigured_GeneratesDevelopmentKeysOnceWithMode0600()
    {
        var logs = new CollectingLoggerProvider();
        string pseudonym;
        byte[] protectedData;
        using (var host = BuildHost(logs))
        {
            await host.StartAsync().WaitAsync(Timeout);
            pseudonym = host.Services.GetRequiredService<SubjectPseudonymizer>().Pseudonymize(Subject);
            protectedData = host.Services.GetRequiredService<PersonalDataProtector>().Protect("111222333", "referral/1");
            await host.StopAsync().WaitAsync(Timeout);
        }

        var pseudonymFile = Path.Combine(DevDirectory, PrivacyKeys.DevelopmentPseudonymKeyFileName);
        var encryptionFile = Path.Combine(DevDirectory, PrivacyKeys.DevelopmentEncryptionKeyFileName);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(pseudonymFile));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(encryptionFile));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(DevDirectory));
        Assert.Equal(32, Convert.FromBase64String(File.ReadAllText(pseudonymFile).Trim()).Length);
        Assert.Empty(Directory.GetFiles(DevDirectory, "*.tmp"));
        Assert.Equal(2, logs.Entries.Count(e => e.EventId.Id == 300 && e.Level == LogLevel.Warning));
        Assert.Equal(2, logs.Entries.Count(e => e.EventId.Id == 301));
        Assert.All(logs.Entries.Where(e => e.EventId.Id == 300), e => Assert.Contains("Production must provide its own key", e.Message));
        var pseudonymFileText = File.ReadAllText(pseudonymFile);

        // A second start reuses the same keys: same pseudonym, old ciphertext still readable, nothing regenerated.
        var secondLogs = new CollectingLoggerProvider();
        using (var host = BuildHost(secondLogs))
        {
            await host.StartAsync().WaitAsync(Timeout);
            Assert.Equal(pseudonym, host.Services.GetRequiredService<SubjectPseudonymizer>().Pseudonymize(Subject));
            Assert.Equal("111222333", host.Services.GetRequiredService<PersonalDataProtector>().Unprotect(protectedData, "referral/1"));
            await host.StopAsync().WaitAsync(Timeout);
        }

        Assert.Equal(pseudonymFileText, File.ReadAllText(pseudonymFile));
        Assert.DoesNotContain(secondLogs.Entries, e => e.EventId.Id == 301);
        Assert.Equal(2, secondLogs.Entries.Count(e => e.EventId.Id == 300));

        // No log line ever carries key material or the BSN.
        foreach (var entry in logs.Entries.Concat(secondLogs.Entries))
        {
            Assert.DoesNotContain(pseudonymFileText.Trim(), entry.Message);
            Assert.DoesNotContain("111222333", entry.Message);
        }
    }

    [Fact]
    public async Task Start_DevelopmentKeyFileReadableByOthers_LogsWarning()
    {
        Directory.CreateDirectory(DevDirectory);
        var file = Path.Combine(DevDirectory, PrivacyKeys.DevelopmentPseudonymKeyFileName);
        File.WriteAllText(file, TestKeys.Base64(32));
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var logs = new CollectingLoggerProvider();
        using var host = BuildHost(logs);
        await host.StartAsync().WaitAsync(Timeout);
        Assert.Contains(logs.Entries, e => e.EventId.Id == 302 && e.Level == LogLevel.Warning && e.Message.Contains(file, StringComparison.Ordinal));
        await host.StopAsync().WaitAsync(Timeout);
    }

    [Fact]
    public async Task Start_CorruptDevelopmentKeyFile_Fails()
    {
        Directory.CreateDirectory(DevDirectory);
        File.WriteAllText(Path.Combine(DevDirectory, PrivacyKeys.DevelopmentPseudonymKeyFileName), TestKeys.Base64(8));
        using var host = BuildHost(new CollectingLoggerProvider());
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync().WaitAsync(Timeout));
        Assert.Contains("development key file", ex.Message);
    }

    [Fact]
    public async Task Start_InvalidOptions_FailsNamingTheSetting()
    {
        using var host = BuildHost(new CollectingLoggerProvider(), ("PseudonymKey", TestKeys.Base64(16)));
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync().WaitAsync(Timeout));
        Assert.Contains("Interop:Privacy:PseudonymKey", ex.Message);
        Assert.False(Directory.Exists(DevDirectory), "nothing generated for a rejected configuration");
    }

    [Fact]
    public async Task Start_ConfiguredKeys_UsedAndNoDevelopmentKeyGenerated()
    {
        var pseudonymKey = TestKeys.Random32();
        var encryptionKey = TestKeys.Random32();
        var keyFile = _temp.Combine("enc-7.key");
        File.WriteAllText(keyFile, Convert.ToBase64String(encryptionKey) + "\n");
        File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var logs = new CollectingLoggerProvider();
        using var host = BuildHost(logs, ("PseudonymKey", Convert.ToBase64String(pseudonymKey)), ("PseudonymKeyVersion", "2"),
            ("EncryptionKeyFiles:7", keyFile), ("CurrentEncryptionKeyId", "7"));
        await host.StartAsync().WaitAsync(Timeout);

        Assert.Equal(new SubjectPseudonymizer(pseudonymKey, 2).Pseudonymize(Subject),
            host.Services.GetRequiredService<SubjectPseudonymizer>().Pseudonymize(Subject));
        var protectedData = host.Services.GetRequiredService<PersonalDataProtector>().Protect("111222333", "referral/9");
        Assert.Equal(7, PersonalDataProtector.GetKeyId(protectedData));
        Assert.Equal("111222333", new PersonalDataProtector(7, new Dictionary<byte, byte[]> { [7] = encryptionKey }).Unprotect(protectedData, "referral/9"));
        Assert.False(Directory.Exists(DevDirectory));
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Warning);
        await host.StopAsync().WaitAsync(Timeout);
    }

    [Fact]
    public void AddInteropPrivacy_ExistingRegistration_Wins()
    {
        var mine = new SubjectPseudonymizer(TestKeys.Random32());
        var services = new ServiceCollection();
        services.AddSingleton(mine);
        services.AddInteropPrivacy(o => o.DevelopmentKeyDirectory = DevDirectory);
        services.AddInteropPrivacy();
        using var provider = services.BuildServiceProvider();
        Assert.Same(mine, provider.GetRequiredService<SubjectPseudonymizer>());
        Assert.Single(provider.GetServices<IValidateOptions<PrivacyOptions>>());
        Assert.Single(provider.GetServices<IHostedService>());
    }

    [Fact]
    public void AddInteropPrivacy_Configure_OverridesConfiguration()
    {
        var key = TestKeys.Random32();
        var services = new ServiceCollection();
        services.AddInteropPrivacy(o =>
        {
            o.DevelopmentKeyDirectory = DevDirectory;
            o.PseudonymKey = Convert.ToBase64String(key);
        });
        using var provider = services.BuildServiceProvider();
        Assert.Equal(new SubjectPseudonymizer(key).Pseudonymize(Subject), provider.GetRequiredService<SubjectPseudonymizer>().Pseudonymize(Subject));
    }
}
