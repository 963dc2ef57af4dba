using Interop.ProcessingLog.Tests.Infrastructure;

namespace Interop.ProcessingLog.Tests.Storage;

/// <summary>
/// Anchors: a record's sequence number and hash kept outside the database, which find what the chain alone cannot (a
/// chain recomputed after tampering, newest records cut off).
/// </summary>
public abstract partial class ProcessingLogStoreTests
{
    [Fact]
    public async Task Verify_IntactChain_HeadIsTheNewestRecord_AndEveryMatchingAnchorPasses()
    {
        await AppendManyAsync(5);
        var chain = await Log.ReadChainAsync(0, 10).WaitAsync(Timeout);

        var plain = await VerifyAsync();
        Assert.Equal(new ProcessingLogAnchor(5, chain[4].RecordHash.Span), plain.Head);

        var anchored = await VerifyAsync(plain.Head!, new ProcessingLogAnchor(2, chain[1].RecordHash.Span), plain.Head!);
        Assert.True(anchored.IsValid);
        Assert.Equal(5, anchored.VerifiedCount);
        Assert.Contains("2 anchor(s) match", anchored.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_ChainRecomputedAfterAlteringARecord_PassesWithoutAnchor_FailsAtTheAnchor()
    {
        await AppendManyAsync(5);
        var before = await Log.ReadChainAsync(0, 10).WaitAsync(Timeout);
        var early = new ProcessingLogAnchor(2, before[1].RecordHash.Span);
        var head = (await VerifyAsync()).Head!;

        // Someone with write access alters record 3 and recomputes its hash and every hash after it.
        await RechainFromAsync(before, index: 2, before[2] with { RequestingOrganisationOin = "00000099000000000666" });

        Assert.True((await VerifyAsync()).IsValid);

        var result = await VerifyAsync(early, head);
        Assert.False(result.IsValid);
        Assert.Equal(ProcessingLogDefect.AnchorMismatch, result.Defect);
        Assert.Equal(5, result.FirstInvalidSequence);
        Assert.Contains("after record 2", result.Message, StringComparison.Ordinal);
        Assert.Null(result.Head);
    }

    [Fact]
    public async Task Verify_NewestRecordsDeleted_PassesWithoutAnchor_TruncatedWithIt()
    {
        await AppendManyAsync(5);
        var head = (await VerifyAsync()).Head!;
        Assert.Equal(2, await ExecuteSqlAsync("DELETE FROM processing_record WHERE sequence_no > 3").WaitAsync(Timeout));

        Assert.True((await VerifyAsync()).IsValid);

        var result = await VerifyAsync(head);
        Assert.Equal(ProcessingLogDefect.Truncated, result.Defect);
        Assert.Equal(4, result.FirstInvalidSequence);
        Assert.Equal(3, result.VerifiedCount);
        Assert.Contains("records 4 to 5", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_EmptiedLog_TruncatedAtOne()
    {
        await AppendManyAsync(2);
        var head = (await VerifyAsync()).Head!;
        await ExecuteSqlAsync("DELETE FROM processing_record").WaitAsync(Timeout);

        var result = await VerifyAsync(head);
        Assert.Equal(ProcessingLogDefect.Truncated, result.Defect);
        Assert.Equal(1, result.FirstInvalidSequence);
        Assert.Null((await VerifyAsync()).Head);
    }

    [Fact]
    public async Task Verify_AnchorWithAnotherRecordsHash_IsAMismatchAtThatRecord()
    {
        await AppendManyAsync(3);
        var chain = await Log.ReadChainAsync(0, 10).WaitAsync(Timeout);

        var result = await VerifyAsync(new ProcessingLogAnchor(2, chain[2].RecordHash.Span));
        Assert.Equal(ProcessingLogDefect.AnchorMismatch, result.Defect);
        Assert.Equal(2, result.FirstInvalidSequence);
        Assert.DoesNotContain("after record", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_ATamperedRecordBeforeTheAnchor_IsNamedFirst()
    {
        await AppendManyAsync(4);
        var head = (await VerifyAsync()).Head!;
        await ExecuteSqlAsync("UPDATE processing_record SET purpose_code = 'iets-anders' WHERE sequence_no = 2").WaitAsync(Timeout);

        var result = await VerifyAsync(head);
        Assert.Equal(ProcessingLogDefect.HashMismatch, result.Defect);
        Assert.Equal(2, result.FirstInvalidSequence);
    }

    [Fact]
    public async Task Verify_TwoAnchorsOnOneRecordWithDifferentHashes_Refused()
    {
        await AppendManyAsync(2);
        var chain = await Log.ReadChainAsync(0, 10).WaitAsync(Timeout);

        await Assert.ThrowsAsync<ArgumentException>(() => VerifyAsync(
            new ProcessingLogAnchor(1, chain[0].RecordHash.Span), new ProcessingLogAnchor(1, chain[1].RecordHash.Span)));
    }

    [Fact]
    public async Task VerifyAfter_IntactChain_ChecksOnlyTheNewRecords_HeadIsTheNextAnchor()
    {
        await AppendManyAsync(5);
        var chain = await Log.ReadChainAsync(0, 10).WaitAsync(Timeout);
        var anchor = new ProcessingLogAnchor(3, chain[2].RecordHash.Span);

        var result = await VerifyAfterAsync(anchor);
        Assert.True(result.IsValid, result.Message);
        Assert.Equal(new ProcessingLogAnchor(5, chain[4].RecordHash.Span), result.Head);
        Assert.Contains("records 4 to 5", result.Message, StringComparison.Ordinal);

        // Nothing new: the anchor itself is the head again.
        var again = await VerifyAfterAsync(result.Head!);
        Assert.True(again.IsValid, again.Message);
        Assert.Equal(result.Head, again.Head);
    }

    [Fact]
    public async Task VerifyAfter_NullAnchor_VerifiesTheWholeChain()
    {
        await AppendManyAsync(3);
        await ExecuteSqlAsync("UPDATE processing_record SET purpose_code = 'iets-anders' WHERE sequence_no = 1").WaitAsync(Timeout);

        var result = await VerifyAfterAsync(null);
        Assert.Equal(ProcessingLogDefect.HashMismatch, result.Defect);
        Assert.Equal(1, result.FirstInvalidSequence);
    }

    [Fact]
    public async Task VerifyAfter_AnchoredRecordAltered_HashMismatchAtIt()
    {
        await AppendManyAsync(4);
        var anchor = (await VerifyAsync()).Head!;
        await ExecuteSqlAsync("UPDATE processing_record SET purpose_code = 'iets-anders' WHERE sequence_no = 4").WaitAsync(Timeout);

        var result = await VerifyAfterAsync(anchor);
        Assert.Equal(ProcessingLogDefect.HashMismatch, result.Defect);
        Assert.Equal(4, result.FirstInvalidSequence);
        Assert.Null(result.Head);
    }

    [Fact]
    public async Task VerifyAfter_ChainRecomputedFromARecordBeforeTheAnchor_AnchorMismatch()
    {
        await AppendManyAsync(5);
        var before = await Log.ReadChainAsync(0, 10).WaitAsync(Timeout);
        var anchor = new ProcessingLogAnchor(4, before[3].RecordHash.Span);
        await RechainFromAsync(before, index: 1, before[1] with { RequestingOrganisationOin = "00000099000000000666" });

        var result = await VerifyAfterAsync(anchor);
        Assert.Equal(ProcessingLogDefect.AnchorMismatch, result.Defect);
        Assert.Equal(4, result.FirstInvalidSequence);
    }

    [Fact]
    public async Task VerifyAfter_RecordAfterTheAnchorAltered_HashMismatchAtIt()
    {
        await AppendManyAsync(5);
        var chain = await Log.ReadChainAsync(0, 10).WaitAsync(Timeout);
        await ExecuteSqlAsync("UPDATE processing_record SET purpose_code = 'iets-anders' WHERE sequence_no = 5").WaitAsync(Timeout);

        var result = await VerifyAfterAsync(new ProcessingLogAnchor(2, chain[1].RecordHash.Span));
        Assert.Equal(ProcessingLogDefect.HashMismatch, result.Defect);
        Assert.Equal(5, result.FirstInvalidSequence);
        Assert.Equal(4, result.VerifiedCount);
    }

    [Fact]
    public async Task VerifyAfter_AnchoredRecordGone_TruncatedOrGap()
    {
        await AppendManyAsync(5);
        var chain = await Log.ReadChainAsync(0, 10).WaitAsync(Timeout);
        var onThree = new ProcessingLogAnchor(3, chain[2].RecordHash.Span);
        var onFive = new ProcessingLogAnchor(5, chain[4].RecordHash.Span);

        await ExecuteSqlAsync("DELETE FROM processing_record WHERE sequence_no IN (3, 5)").WaitAsync(Timeout);

        var truncated = await VerifyAfterAsync(onFive);
        Assert.Equal(ProcessingLogDefect.Truncated, truncated.Defect);
        Assert.Equal(5, truncated.FirstInvalidSequence);

        var gap = await VerifyAfterAsync(onThree);
        Assert.Equal(ProcessingLogDefect.SequenceGap, gap.Defect);
        Assert.Equal(3, gap.FirstInvalidSequence);
    }

    private Task<ProcessingLogVerificationResult> VerifyAfterAsync(ProcessingLogAnchor? anchor) =>
        new ProcessingLogVerifier(Log).VerifyAfterAsync(anchor).WaitAsync(Timeout);

    private Task<ProcessingLogVerificationResult> VerifyAsync(params ProcessingLogAnchor[] anchors) =>
        new ProcessingLogVerifier(Log).VerifyAsync(anchors).WaitAsync(Timeout);

    // Rewrites the chain from chain[index] on, as someone with write access could (see ChainRewrite).
    private async Task RechainFromAsync(IReadOnlyList<ProcessingLogRecord> chain, int index, ProcessingLogRecord altered)
    {
        foreach (var statement in ChainRewrite.Statements(chain, index, altered))
        {
            await ExecuteSqlAsync(statement).WaitAsync(Timeout);
        }
    }
}
