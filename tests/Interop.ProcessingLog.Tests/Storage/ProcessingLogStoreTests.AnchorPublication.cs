using Interop.Caching.Tests.Infrastructure;
using Interop.ProcessingLog.Internal;
using Interop.ProcessingLog.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Interop.ProcessingLog.Tests.Storage;

/// <summary>
/// Anchor publication (<see cref="ProcessingLogAnchorPublisher"/>): the hub verifies what is new since its last anchor
/// and publishes the new head, in its log and an anchor file; a chain that does not verify gets no anchor.
/// </summary>
public abstract partial class ProcessingLogStoreTests
{
    private const int AnchorPublished = 9102;
    private const int AnchorWithheld = 9103;
    private const int AnchorFileUnreadable = 9104;
    private const int AnchorFailed = 9105;

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 4, 15, 0, 0, TimeSpan.Zero));
    private string? _anchorDirectory;

    private string AnchorDirectory => _anchorDirectory ??= Directory.CreateTempSubdirectory("interop-anchors-").FullName;

    private string AnchorFile => Path.Combine(AnchorDirectory, "anchors.txt");

    [Fact]
    public async Task Publisher_GrowingChain_PublishesEachNewHeadOnce_InTheLogAndTheFile()
    {
        var (publisher, logger) = Publisher();
        await AppendManyAsync(3);

        var first = await publisher.PublishOnceAsync(CancellationToken.None).WaitAsync(Timeout);
        Assert.Equal((await VerifyAsync()).Head, first);

        // Nothing appended since: no second anchor for the same head.
        Assert.Null(await publisher.PublishOnceAsync(CancellationToken.None).WaitAsync(Timeout));

        await AppendManyAsync(2);
        _time.Advance(TimeSpan.FromMinutes(5));
        var second = await publisher.PublishOnceAsync(CancellationToken.None).WaitAsync(Timeout);
        Assert.Equal(5, second!.Sequence);

        var lines = await File.ReadAllLinesAsync(AnchorFile);
        Assert.Equal([$"2026-12-04T15:00:00.0000000+00:00 {first}", $"2026-12-04T15:05:00.0000000+00:00 {second}"], lines);
        Assert.Equal([first!, second], await ProcessingLogAnchorFile.ReadAsync(AnchorFile).WaitAsync(Timeout));
        Assert.Equal(2, logger.MessagesOf(AnchorPublished).Count);
        Assert.Contains($"{second}: records 4 to 5 verify", logger.MessagesOf(AnchorPublished)[1], StringComparison.Ordinal);
        Assert.DoesNotContain(logger.Events, e => e.Level >= LogLevel.Warning);

        // The whole log checks out against everything the publisher wrote.
        Assert.True((await new ProcessingLogVerifier(Log).VerifyAsync(await ProcessingLogAnchorFile.ReadAsync(AnchorFile)).WaitAsync(Timeout)).IsValid);
    }

    [Fact]
    public async Task Publisher_EmptyLog_PublishesNothing_AndCreatesNoFile()
    {
        var (publisher, logger) = Publisher();

        Assert.Null(await publisher.PublishOnceAsync(CancellationToken.None).WaitAsync(Timeout));
        Assert.False(File.Exists(AnchorFile));
        Assert.Empty(logger.Events);
    }

    [Fact]
    public async Task Publisher_RecordAlteredAfterTheLastAnchor_WithholdsEveryLaterAnchor_AndSaysWhy()
    {
        var (publisher, logger) = Publisher();
        await AppendManyAsync(2);
        var anchor = await publisher.PublishOnceAsync(CancellationToken.None).WaitAsync(Timeout);
        await AppendManyAsync(2);
        await ExecuteSqlAsync("UPDATE processing_record SET purpose_code = 'iets-anders' WHERE sequence_no = 3").WaitAsync(Timeout);

        Assert.Null(await publisher.PublishOnceAsync(CancellationToken.None).WaitAsync(Timeout));
        await AppendManyAsync(1);
        Assert.Null(await publisher.PublishOnceAsync(CancellationToken.None).WaitAsync(Timeout));

        Assert.Single(await File.ReadAllLinesAsync(AnchorFile));
        Assert.Equal(anchor, publisher.LastAnchor);
        var withheld = logger.MessagesOf(AnchorWithheld);
        Assert.Equal(2, withheld.Count);
        Assert.All(withheld, message => Assert.Contains($"after the anchor {anchor} the chain is broken at record 3 (HashMismatch)", message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Publisher_Restarted_ResumesFromTheFile_AndFindsAChainRewrittenWhileItWasDown()
    {
        var (before, _) = Publisher();
        await AppendManyAsync(4);
        var anchor = await before.PublishOnceAsync(CancellationToken.None).WaitAsync(Timeout);
        var chain = await Log.ReadChainAsync(0, 10).WaitAsync(Timeout);

        // While the hub is down, someone with database access rewrites record 2 and recomputes every later hash: the
        // chain alone verifies again.
        await RechainFromAsync(chain, index: 1, chain[1] with { RequestingOrganisationOin = "00000099000000000666" });
        Assert.True((await VerifyAsync()).IsValid);

        var (after, logger) = Publisher();
        Assert.Null(await after.PublishOnceAsync(CancellationToken.None).WaitAsync(Timeout));
        Assert.Equal(anchor, after.LastAnchor);
        Assert.Contains("(AnchorMismatch)", Assert.Single(logger.MessagesOf(AnchorWithheld)), StringComparison.Ordinal);
        Assert.Single(await File.ReadAllLinesAsync(AnchorFile));
    }

    [Fact]
    public async Task Publisher_Restarted_FindsNewestRecordsCutOffWhileItWasDown()
    {
        var (before, _) = Publisher();
        await AppendManyAsync(4);
        await before.PublishOnceAsync(CancellationToken.None).WaitAsync(Timeout);
        await ExecuteSqlAsync("DELETE FROM processing_record WHERE sequence_no > 2").WaitAsync(Timeout);

        var (after, logger) = Publisher();
        Assert.Null(await after.PublishOnceAsync(CancellationToken.None).WaitAsync(Timeout));
        Assert.Contains("(Truncated)", Assert.Single(logger.MessagesOf(AnchorWithheld)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publisher_AnchorFileNotAnAnchorFile_SaysSo_VerifiesFromTheFirstRecord()
    {
        await File.WriteAllLinesAsync(AnchorFile, ["2026-12-04T15:00:00.0000000+00:00 3:" + new string('a', 64), "iets anders dan een anker"]);
        await AppendManyAsync(2);
        var (publisher, logger) = Publisher();

        var anchor = await publisher.PublishOnceAsync(CancellationToken.None).WaitAsync(Timeout);

        Assert.Equal(2, anchor!.Sequence);
        Assert.Contains("line 2", Assert.Single(logger.MessagesOf(AnchorFileUnreadable)), StringComparison.Ordinal);
        Assert.Equal(3, (await File.ReadAllLinesAsync(AnchorFile)).Length);
    }

    [Fact]
    public async Task Publisher_FileCannotBeWritten_LogsTheFailure_PublishesOnceItCan()
    {
        var (publisher, logger) = Publisher();
        await AppendManyAsync(2);
        Directory.Delete(AnchorDirectory, recursive: true);

        Assert.Null(await publisher.PublishOnceAsync(CancellationToken.None).WaitAsync(Timeout));
        Assert.Single(logger.MessagesOf(AnchorFailed));
        Assert.Null(publisher.LastAnchor);
        Assert.Empty(logger.MessagesOf(AnchorPublished));

        Directory.CreateDirectory(AnchorDirectory);
        Assert.Equal(2, (await publisher.PublishOnceAsync(CancellationToken.None).WaitAsync(Timeout))!.Sequence);
        Assert.Single(await File.ReadAllLinesAsync(AnchorFile));
    }

    [Fact]
    public async Task Publisher_Running_AnchorsAtStartThenEveryInterval()
    {
        var (publisher, logger) = Publisher();
        await AppendManyAsync(1);
        await publisher.StartAsync(CancellationToken.None);
        try
        {
            await Eventually.TrueAsync(() => Task.FromResult(publisher.LastAnchor?.Sequence == 1), Timeout, "the first anchor at start");

            await AppendManyAsync(2);
            _time.Advance(TimeSpan.FromMinutes(4));
            await Task.Delay(200);
            Assert.Equal(1, publisher.LastAnchor!.Sequence);

            _time.Advance(TimeSpan.FromMinutes(1));
            await Eventually.TrueAsync(() => Task.FromResult(publisher.LastAnchor?.Sequence == 3), Timeout, "the next anchor after one interval");
            Assert.Equal(2, logger.MessagesOf(AnchorPublished).Count);
        }
        finally
        {
            await publisher.StopAsync(CancellationToken.None).WaitAsync(Timeout);
        }
    }

    [Fact]
    public async Task Publisher_IntervalZero_PublishesNothing()
    {
        var (publisher, logger) = Publisher(TimeSpan.Zero);
        await AppendManyAsync(1);
        await publisher.StartAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromDays(1));
        await Task.Delay(200);
        await publisher.StopAsync(CancellationToken.None).WaitAsync(Timeout);

        Assert.Null(publisher.LastAnchor);
        Assert.Empty(logger.Events);
        Assert.False(File.Exists(AnchorFile));
    }

    [Fact]
    public async Task Publisher_NoFile_PublishesInTheLogOnly()
    {
        var (publisher, logger) = Publisher(file: "");
        await AppendManyAsync(2);

        var anchor = await publisher.PublishOnceAsync(CancellationToken.None).WaitAsync(Timeout);

        Assert.Equal((await VerifyAsync()).Head, anchor);
        Assert.Contains(anchor!.ToString(), Assert.Single(logger.MessagesOf(AnchorPublished)), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(AnchorDirectory));
    }

    private (ProcessingLogAnchorPublisher Publisher, RecordingLogger<ProcessingLogAnchorPublisher> Logger) Publisher(TimeSpan? interval = null, string? file = null)
    {
        var logger = new RecordingLogger<ProcessingLogAnchorPublisher>();
        var options = Options.Create(new ProcessingLogAnchorOptions { Interval = interval ?? TimeSpan.FromMinutes(5), File = file ?? AnchorFile });
        return (new ProcessingLogAnchorPublisher(OpenNode(), options, _time, logger), logger);
    }
}
