using Interop.ProcessingLog.Tests.Infrastructure;

namespace Interop.ProcessingLog.Tests.Storage;

public abstract partial class ProcessingLogStoreTests
{
    [Fact]
    public async Task Verify_FieldUpdatedInDatabase_ReportsThatRecord()
    {
        await AppendManyAsync(6);
        Assert.Equal(1, await ExecuteSqlAsync("UPDATE processing_record SET requesting_oin = '00000099000000000666' WHERE sequence_no = 4").WaitAsync(Timeout));

        var result = await VerifyAsync();
        Assert.False(result.IsValid);
        Assert.Equal(4, result.FirstInvalidSequence);
        Assert.Equal(ProcessingLogDefect.HashMismatch, result.Defect);
        Assert.Equal(3, result.VerifiedCount);
    }

    [Fact]
    public async Task Verify_RecordAndHashRewritten_ReportsBrokenLinkAfterIt()
    {
        // A tamperer who also recomputes record 3's own hash still breaks the link from record 4.
        await AppendManyAsync(5);
        var chain = await Log.ReadChainAsync(0, 10).WaitAsync(Timeout);
        var forged = chain[2] with { PurposeCode = "iets-anders" };
        var forgedHash = Convert.ToHexStringLower(ProcessingRecordHash.Compute(forged, forged.PreviousHash.Span));
        await ExecuteSqlAsync($"UPDATE processing_record SET purpose_code = 'iets-anders', record_hash = '{forgedHash}' WHERE sequence_no = 3").WaitAsync(Timeout);

        var result = await VerifyAsync();
        Assert.Equal(4, result.FirstInvalidSequence);
        Assert.Equal(ProcessingLogDefect.BrokenLink, result.Defect);
    }

    [Fact]
    public async Task Verify_ColumnMadeUnreadable_ReportsThatRecord()
    {
        await AppendManyAsync(3);
        await ExecuteSqlAsync("UPDATE processing_record SET data_categories = 'x,4' WHERE sequence_no = 2").WaitAsync(Timeout);
        await ExecuteSqlAsync("UPDATE processing_record SET record_hash = 'not hex' WHERE sequence_no = 3").WaitAsync(Timeout);

        var result = await VerifyAsync();
        Assert.Equal(2, result.FirstInvalidSequence);
        Assert.Equal(ProcessingLogDefect.HashMismatch, result.Defect);
    }

    [Fact]
    public async Task Verify_RecordDeleted_ReportsGapAtMissingSequence()
    {
        await AppendManyAsync(6);
        Assert.Equal(1, await ExecuteSqlAsync("DELETE FROM processing_record WHERE sequence_no = 3").WaitAsync(Timeout));

        var result = await VerifyAsync();
        Assert.Equal(3, result.FirstInvalidSequence);
        Assert.Equal(ProcessingLogDefect.SequenceGap, result.Defect);
        Assert.Equal(2, result.VerifiedCount);
    }

    [Fact]
    public async Task Verify_DeletedAndRenumbered_ReportsBrokenLink()
    {
        await AppendManyAsync(4);
        await ExecuteSqlAsync("DELETE FROM processing_record WHERE sequence_no = 2").WaitAsync(Timeout);
        await ExecuteSqlAsync("UPDATE processing_record SET sequence_no = sequence_no - 1 WHERE sequence_no = 3").WaitAsync(Timeout);
        await ExecuteSqlAsync("UPDATE processing_record SET sequence_no = sequence_no - 1 WHERE sequence_no = 4").WaitAsync(Timeout);

        var result = await VerifyAsync();
        Assert.Equal(2, result.FirstInvalidSequence);
        Assert.Equal(ProcessingLogDefect.BrokenLink, result.Defect);
    }

    [Fact]
    public async Task Verify_FirstRecordDeleted_ReportsGapAtOne()
    {
        await AppendManyAsync(3);
        await ExecuteSqlAsync("DELETE FROM processing_record WHERE sequence_no = 1").WaitAsync(Timeout);

        var result = await VerifyAsync();
        Assert.Equal(1, result.FirstInvalidSequence);
        Assert.Equal(ProcessingLogDefect.SequenceGap, result.Defect);
    }

    private async Task AppendManyAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await Log.AppendAsync(Records.Read(n: i)).WaitAsync(Timeout);
        }
    }
}
