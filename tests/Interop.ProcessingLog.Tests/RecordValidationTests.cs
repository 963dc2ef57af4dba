using Interop.Contracts.V1;
using Interop.ProcessingLog.Internal;
using Interop.ProcessingLog.Tests.Infrastructure;

namespace Interop.ProcessingLog.Tests;

public sealed class RecordValidationTests
{
    [Fact]
    public void Normalise_ValidRecord_TruncatesTimesToMicroseconds()
    {
        var record = Records.Read() with { StartTime = Records.Start.AddTicks(7), EndTime = Records.Start.AddTicks(19) };
        var normalised = RecordValidator.Normalise(record);
        Assert.Equal(Records.Start, normalised.StartTime);
        Assert.Equal(Records.Start.AddTicks(10), normalised.EndTime);
    }

    [Fact]
    public void Normalise_ManyBadFields_ListsEveryOne()
    {
        var record = Records.Read() with
        {
            TraceId = "4BF92F3577B34DA6A3CE929D0E0E4736",
            SpanId = "0000000000000000",
            ProcessingActivityId = "",
            PurposeCode = " ",
            RequestingOrganisationOin = "123",
            Status = ProcessingStatus.Unspecified,
            EndTime = Records.Start.AddSeconds(-1),
            Bewaartermijn = "5 jaar",
        };
        var ex = Assert.Throws<ProcessingLogValidationException>(() => RecordValidator.Normalise(record));
        Assert.Equal(8, ex.Errors.Count);
    }

    [Theory]
    [InlineData("123456782")]
    [InlineData("12345678")]
    public void Normalise_BsnAsSubject_Refused(string bsn)
    {
        var ex = Assert.Throws<ProcessingLogValidationException>(() => RecordValidator.Normalise(Records.Read(subject: bsn)));
        Assert.Contains("BSN", Assert.Single(ex.Errors), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("P5Y", true)]
    [InlineData("P1Y6M", true)]
    [InlineData("PT12H", true)]
    [InlineData("P", false)]
    [InlineData("PT", false)]
    [InlineData("5Y", false)]
    public void Normalise_Bewaartermijn_MustBeIsoDuration(string value, bool valid)
    {
        var record = Records.Read() with { Bewaartermijn = value };
        if (valid)
        {
            RecordValidator.Normalise(record);
        }
        else
        {
            Assert.Throws<ProcessingLogValidationException>(() => RecordValidator.Normalise(record));
        }
    }
}
