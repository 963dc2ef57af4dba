using Interop.ProcessingLog.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Interop.ProcessingLog.Tests;

public sealed class ProcessingLogAnchorOptionsTests
{
    [Fact]
    public void Defaults_EveryFiveMinutes_LogOnly_Valid()
    {
        var options = new ProcessingLogAnchorOptions();
        Assert.Equal(TimeSpan.FromMinutes(5), options.Interval);
        Assert.Null(options.File);
        Assert.True(Validate(options).Succeeded);
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("00:00:01")]
    [InlineData("1.00:00:00")]
    public void Interval_OffOrWithinBounds_Valid(string interval)
    {
        Assert.True(Validate(new ProcessingLogAnchorOptions { Interval = TimeSpan.Parse(interval, System.Globalization.CultureInfo.InvariantCulture) }).Succeeded);
    }

    [Fact]
    public void EveryBadSetting_NamedAtOnce()
    {
        var result = Validate(new ProcessingLogAnchorOptions { Interval = TimeSpan.FromMilliseconds(500), File = "/nergens/te/vinden/anchors.txt" });

        Assert.True(result.Failed);
        Assert.Equal(2, result.Failures!.Count());
        Assert.Contains(result.Failures!, f => f.StartsWith("Interop:ProcessingLog:Anchors:Interval must be", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("Interop:ProcessingLog:Anchors:File: the folder /nergens/te/vinden does not exist", StringComparison.Ordinal));
    }

    [Fact]
    public void File_AFolder_Refused()
    {
        var result = Validate(new ProcessingLogAnchorOptions { File = Path.GetTempPath() });
        Assert.Contains("must name a file", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void File_Blank_MeansUnset(string file)
    {
        Assert.True(Validate(new ProcessingLogAnchorOptions { File = file }).Succeeded);
    }

    [Fact]
    public void Registration_BindsTheSection_AndValidatesAtStart()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Interop:ProcessingLog:Anchors:Interval"] = "00:00:00.100",
        }).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            // Not opened: the publisher is only constructed here.
            .AddInteropProcessingLogSqlite(Path.Combine(Path.GetTempPath(), "interop-never-opened.db"))
            .AddProcessingLogAnchors();
        Assert.Single(services, d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(ProcessingLogAnchorPublisher));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("Interop:ProcessingLog:Anchors:Interval", error.Message, StringComparison.Ordinal);
    }

    private static ValidateOptionsResult Validate(ProcessingLogAnchorOptions options) => new ProcessingLogAnchorOptionsValidator().Validate(null, options);
}
