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
        var log = new SqliteProcessingLog(_database);
        for (var n = 0; n < 3; n++)
        {
            await log.AppendAsync(Record(n)).WaitAsync(TimeSpan.FromSeconds(30));
        }

        var intact = await RunAsync("log", "verify");
        Assert.Equal(0, intact.Exit);
        Assert.StartsWith("OK: 3 records", intact.Out, StringComparison.Ordinal);

        // Someone with database access rewrites who looked at the data.
        await using (var connection = new SqliteConnection($"Data Source={_database}"))
        {
            await connection.OpenAsync();
            await using var update = connection.CreateCommand();
            update.CommandText = "UPDATE processing_record SET requesting_oin = '00000099000000000009' WHERE sequence_no = 2";
            Assert.Equal(1, await update.ExecuteNonQueryAsync());
        }

        var tampered = await RunAsync("log", "verify");
        Assert.Equal(1, tampered.Exit);
        Assert.StartsWith("BROKEN at record 2", tampered.Out, StringComparison.Ordinal);
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
