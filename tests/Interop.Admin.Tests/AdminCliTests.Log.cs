using Interop.Contracts.V1;
using Interop.ProcessingLog;
using Interop.ProcessingLog.Storage;
using Microsoft.Data.Sqlite;

namespace Interop.Admin.Tests;

public sealed partial class AdminCliTests
{
    [Fact]
    public async Task LogVerify_IntactChain_Ok_ThenRecordAlteredInDatabase_NamesIt()
    {
        await AppendAsync(3);

        var intact = await RunAsync("log", "verify");
        Assert.Equal(0, intact.Exit);
        Assert.StartsWith("OK: 3 records", intact.Out, StringComparison.Ordinal);

        // Someone with database access rewrites who looked at the data.
        Assert.Equal(1, await ExecuteSqlAsync("UPDATE processing_record SET requesting_oin = '00000099000000000009' WHERE sequence_no = 2"));

        var tampered = await RunAsync("log", "verify");
        Assert.Equal(1, tampered.Exit);
        Assert.StartsWith("BROKEN at record 2", tampered.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LogVerify_PrintsAnAnchor_WhichLaterFindsNewestRecordsCutOff()
    {
        await AppendAsync(4);

        var first = await RunAsync("log", "verify");
        Assert.Equal(0, first.Exit);
        var anchor = first.Out.Split('\n').Single(line => line.StartsWith("Anchor to keep", StringComparison.Ordinal)).Split(": ")[1].Trim();
        Assert.StartsWith("4:", anchor, StringComparison.Ordinal);

        var again = await RunAsync("log", "verify", "--anchor", anchor);
        Assert.Equal(0, again.Exit);
        Assert.StartsWith("OK: 4 records", again.Out, StringComparison.Ordinal);
        Assert.Contains("1 anchor(s) matched", again.Out, StringComparison.Ordinal);

        // Someone with database access removes the newest records: the chain that is left is whole.
        Assert.Equal(2, await ExecuteSqlAsync("DELETE FROM processing_record WHERE sequence_no >= 3"));

        Assert.Equal(0, (await RunAsync("log", "verify")).Exit);
        var cut = await RunAsync("log", "verify", "--anchor", anchor);
        Assert.Equal(1, cut.Exit);
        Assert.StartsWith("BROKEN at record 3 (Truncated)", cut.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LogVerify_MalformedAnchors_EveryOneNamed_NothingVerified()
    {
        var hash = new string('a', 64);
        var result = await RunAsync("log", "verify", "--anchor", "0:" + hash, "--anchor", "3:abc", "--anchor", "5:" + hash, "--anchor", "5:" + new string('b', 64));
        Assert.Equal(1, result.Exit);
        Assert.Contains("'0' is not a record sequence number", result.Err, StringComparison.Ordinal);
        Assert.Contains("'abc' is not a record hash", result.Err, StringComparison.Ordinal);
        Assert.Contains("two anchors name record 5", result.Err, StringComparison.Ordinal);
        Assert.Empty(result.Out);
    }

    [Fact]
    public async Task LogVerify_AnchorFile_EveryAnchorInItChecked()
    {
        await AppendAsync(4);
        var chain = await new SqliteProcessingLog(_database).ReadChainAsync(0, 10).WaitAsync(TimeSpan.FromSeconds(30));
        var file = _database + ".anchors";
        await ProcessingLogAnchorFile.AppendAsync(file, new ProcessingLogAnchor(2, chain[1].RecordHash.Span), DateTimeOffset.UtcNow);
        await ProcessingLogAnchorFile.AppendAsync(file, new ProcessingLogAnchor(4, chain[3].RecordHash.Span), DateTimeOffset.UtcNow);

        var intact = await RunAsync("log", "verify", "--anchor-file", file);
        Assert.Equal(0, intact.Exit);
        Assert.Contains("2 anchor(s) matched", intact.Out, StringComparison.Ordinal);

        Assert.Equal(1, await ExecuteSqlAsync("DELETE FROM processing_record WHERE sequence_no = 4"));
        var cut = await RunAsync("log", "verify", "--anchor-file", file);
        Assert.Equal(1, cut.Exit);
        Assert.StartsWith("BROKEN at record 4 (Truncated)", cut.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LogVerify_AnchorFileMissingOrMalformed_EveryProblemNamed_NothingVerified()
    {
        var malformed = _database + ".bad-anchors";
        await File.WriteAllLinesAsync(malformed, ["3:" + new string('a', 64), "geen anker"]);

        var result = await RunAsync("log", "verify", "--anchor-file", malformed, "--anchor-file", _database + ".missing", "--anchor", "1:abc");
        Assert.Equal(1, result.Exit);
        Assert.Contains("--anchor: 'abc' is not a record hash", result.Err, StringComparison.Ordinal);
        Assert.Contains($"--anchor-file: {malformed} holds lines that are not anchors: line 2:", result.Err, StringComparison.Ordinal);
        Assert.Contains($"--anchor-file: no file {_database}.missing.", result.Err, StringComparison.Ordinal);
        Assert.Empty(result.Out);
    }

    private async Task AppendAsync(int count)
    {
        var log = new SqliteProcessingLog(_database);
        for (var n = 0; n < count; n++)
        {
            await log.AppendAsync(Record(n)).WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    private async Task<int> ExecuteSqlAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_database}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync();
    }

    private static ProcessingLogRecord Record(int n) => new()
    {
        TraceId = "4bf92f3577b34da6a3ce929d0e0e4736",
        SpanId = "00f067aa0ba902b7",
        ProcessingActivityId = "interop.status.get",
        Operation = "/interop.v1.StatusService/GetJongereStatus",
        Action = ProcessingAction.Read,
        PurposeCode = "begeleiding-naar-onderwijs-of-werk",
        LegalBasis = ProcessingLegalBasis.Consent("consent-" + n),
        RequestingOrganisationOin = "00000099000000000001",
        ExecutingOrganisationOin = "00000099000000000000",
        DataSubjectRef = "p1:synthetic-subject",
        DataCategories = [DataCategory.Involvement],
        Status = ProcessingStatus.Ok,
        StartTime = new DateTimeOffset(2026, 11, 23, 9, 30, n, TimeSpan.Zero),
        EndTime = new DateTimeOffset(2026, 11, 23, 9, 30, n, 7, TimeSpan.Zero),
        Vertrouwelijkheid = Vertrouwelijkheid.Normaal,
        Bewaartermijn = "P5Y",
    };
}
