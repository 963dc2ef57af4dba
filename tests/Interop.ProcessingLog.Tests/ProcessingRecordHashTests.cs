using Google.Protobuf;
using Interop.Contracts.V1;
using Interop.ProcessingLog.Tests.Infrastructure;

namespace Interop.ProcessingLog.Tests;

public sealed class ProcessingRecordHashTests
{
    // SHA-256 of the documented canonical encoding of Records.Read() as record 1 on the genesis hash, computed by a
    // separate Python implementation written from the ProcessingRecordHash doc comment alone. If this changes, every
    // stored chain stops verifying: change the encoding only together with a new format tag.
    private const string GoldenHash = "e47c0dd910d1854517481573ef37b33519584c796b3502000be754e7365ed0c1";

    [Fact]
    public void Compute_FixedRecord_MatchesGoldenHash()
    {
        var record = Records.Read() with { Sequence = 1 };
        Assert.Equal(GoldenHash, Convert.ToHexStringLower(ProcessingRecordHash.Compute(record, ProcessingRecordHash.GenesisHash)));
    }

    [Fact]
    public void Encode_StartsWithLengthPrefixedFormatTag_ThenSequence()
    {
        var encoded = ProcessingRecordHash.Encode(Records.Read() with { Sequence = 258 });
        Assert.Equal([0, 0, 0, 25], encoded[..4]);
        Assert.Equal("interop.processing-log/v1"u8.ToArray(), encoded[4..29]);
        Assert.Equal([0, 0, 0, 0, 0, 0, 1, 2], encoded[29..37]);
    }

    [Fact]
    public void Encode_LengthPrefixes_KeepFieldBoundaries()
    {
        // Without length prefixes "ab"+"c" and "a"+"bc" would hash alike.
        var a = Records.Read() with { TraceId = "ab", SpanId = "c" };
        var b = Records.Read() with { TraceId = "a", SpanId = "bc" };
        Assert.NotEqual(ProcessingRecordHash.Compute(a, ProcessingRecordHash.GenesisHash), ProcessingRecordHash.Compute(b, ProcessingRecordHash.GenesisHash));
    }

    [Fact]
    public void Compute_DependsOnPreviousHashAndEveryField()
    {
        var record = Records.Read() with { Sequence = 1 };
        var baseline = ProcessingRecordHash.Compute(record, ProcessingRecordHash.GenesisHash);
        var otherPrevious = new byte[32];
        otherPrevious[31] = 1;
        Assert.NotEqual(baseline, ProcessingRecordHash.Compute(record, otherPrevious));
        ProcessingLogRecord[] variants =
        [
            record with { Sequence = 2 },
            record with { LegalBasis = ProcessingLegalBasis.StatutoryTask("consent-0") },
            record with { DataCategories = [DataCategory.Involvement, DataCategory.Pseudonym] },
            record with { EndTime = record.EndTime.AddTicks(10) },
            record with { Vertrouwelijkheid = Vertrouwelijkheid.Vertrouwelijk },
            record with { Bewaartermijn = "P6Y" },
            record with { Status = ProcessingStatus.Error },
        ];
        Assert.All(variants, v => Assert.NotEqual(baseline, ProcessingRecordHash.Compute(v, ProcessingRecordHash.GenesisHash)));
    }

    [Fact]
    public void Compute_WrongPreviousHashLength_Throws()
    {
        Assert.Throws<ArgumentException>(() => ProcessingRecordHash.Compute(Records.Read(), new byte[31]));
    }

    [Fact]
    public void Mapping_ContractRoundTrip_KeepsFieldsAndHash()
    {
        var record = Records.Read() with { Sequence = 1, PreviousHash = new byte[32] };
        record = record with { RecordHash = ProcessingRecordHash.Compute(record, record.PreviousHash.Span) };

        var message = record.ToContract();
        Assert.Equal("consent-0", message.LegalBasis.ConsentId);
        Assert.Equal(Records.GemeenteOin, message.RequestingOrganisation.Oin);
        Assert.Equal(32, message.RecordHash.Length);

        var back = ProcessingRecordMapping.FromContract(ProcessingRecord.Parser.ParseFrom(message.ToByteArray()));
        Assert.True(back.HasValidHash());
        Assert.Equal(record.RecordHash.ToArray(), back.RecordHash.ToArray());
        Assert.Equal(record.DataCategories, back.DataCategories);
        Assert.Equal(record.StartTime, back.StartTime);
    }
}
