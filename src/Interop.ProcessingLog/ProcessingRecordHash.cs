using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Interop.ProcessingLog;

/// <summary>
/// The hash chain of the processing log: <c>record_hash = SHA-256(canonical_encoding(record) || previous_hash)</c>,
/// where the first record's previous_hash is <see cref="GenesisHash"/> (32 zero bytes, as processing_log.proto says).
/// </summary>
/// <remarks>
/// <para>The canonical encoding, version 1, so another implementation can verify the chain. All integers are
/// big-endian. A <b>string</b> is a uint32 byte count followed by that many bytes of UTF-8 (no terminator, no
/// normalisation: the bytes as stored). An <b>enum</b> is its int32 proto number. A <b>time</b> is an int64 count of
/// microseconds since 1970-01-01T00:00:00Z. The fields, in this fixed order (the numbers of ProcessingRecord in
/// processing_log.proto, where it has one):</para>
/// <list type="number">
/// <item>string: the format tag "interop.processing-log/v1"</item>
/// <item>uint64: sequence (1)</item>
/// <item>string: trace_id (2)</item>
/// <item>string: span_id (3)</item>
/// <item>string: parent_span_id (4), empty when none</item>
/// <item>string: processing_activity_id (5)</item>
/// <item>string: operation (6)</item>
/// <item>enum: action (7)</item>
/// <item>string: purpose code (8: Purpose.code)</item>
/// <item>int32: legal basis kind (9): 0 none, 1 consent_id, 2 statutory_task</item>
/// <item>string: legal basis value (9: the consent_id or StatutoryTask.code), empty for none</item>
/// <item>string: requesting organisation OIN (10)</item>
/// <item>string: executing organisation OIN (11), empty when none</item>
/// <item>string: data_subject_ref (12)</item>
/// <item>uint32 count, then one enum per data category in the order given (13)</item>
/// <item>enum: status (14)</item>
/// <item>time: start_time (15)</item>
/// <item>time: end_time (16)</item>
/// <item>enum: vertrouwelijkheid (17)</item>
/// <item>string: bewaartermijn (18)</item>
/// </list>
/// <para>Then previous_hash (19) as its 32 raw bytes, with no length prefix. Output-only fields (display names,
/// descriptions, legal_reference) are not part of the record and not hashed.</para>
/// </remarks>
public static class ProcessingRecordHash
{
    /// <summary>The length of a record hash in bytes (SHA-256).</summary>
    public const int HashSize = 32;

    /// <summary>The format tag that opens the encoding; a future encoding gets a new tag.</summary>
    public const string FormatTag = "interop.processing-log/v1";

    private static readonly byte[] Genesis = new byte[HashSize];

    /// <summary>The previous_hash of the first record: 32 zero bytes.</summary>
    public static ReadOnlySpan<byte> GenesisHash => Genesis;

    /// <summary>The canonical encoding of <paramref name="record"/>'s fields, without the previous hash.</summary>
    public static byte[] Encode(ProcessingLogRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        using var stream = new MemoryStream(512);
        WriteString(stream, FormatTag);
        WriteUInt64(stream, checked((ulong)record.Sequence));
        WriteString(stream, record.TraceId);
        WriteString(stream, record.SpanId);
        WriteString(stream, record.ParentSpanId);
        WriteString(stream, record.ProcessingActivityId);
        WriteString(stream, record.Operation);
        WriteInt32(stream, (int)record.Action);
        WriteString(stream, record.PurposeCode);
        WriteInt32(stream, (int)record.LegalBasis.Kind);
        WriteString(stream, record.LegalBasis.Value);
        WriteString(stream, record.RequestingOrganisationOin);
        WriteString(stream, record.ExecutingOrganisationOin);
        WriteString(stream, record.DataSubjectRef);
        WriteUInt32(stream, (uint)record.DataCategories.Count);
        foreach (var category in record.DataCategories)
        {
            WriteInt32(stream, (int)category);
        }

        WriteInt32(stream, (int)record.Status);
        WriteInt64(stream, ToUnixMicroseconds(record.StartTime));
        WriteInt64(stream, ToUnixMicroseconds(record.EndTime));
        WriteInt32(stream, (int)record.Vertrouwelijkheid);
        WriteString(stream, record.Bewaartermijn);
        return stream.ToArray();
    }

    /// <summary>SHA-256 over the canonical encoding of <paramref name="record"/> followed by <paramref name="previousHash"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="previousHash"/> is not 32 bytes.</exception>
    public static byte[] Compute(ProcessingLogRecord record, ReadOnlySpan<byte> previousHash)
    {
        if (previousHash.Length != HashSize)
        {
            throw new ArgumentException($"A previous hash is {HashSize} bytes.", nameof(previousHash));
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encode(record));
        hash.AppendData(previousHash);
        return hash.GetHashAndReset();
    }

    /// <summary>Microseconds since the Unix epoch: the precision the log keeps and hashes.</summary>
    public static long ToUnixMicroseconds(DateTimeOffset value) => (value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    /// <summary>The inverse of <see cref="ToUnixMicroseconds"/>, in UTC.</summary>
    public static DateTimeOffset FromUnixMicroseconds(long value) => DateTimeOffset.UnixEpoch.AddTicks(value * 10);

    private static void WriteString(Stream stream, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        WriteUInt32(stream, (uint)bytes.Length);
        stream.Write(bytes);
    }

    private static void WriteUInt32(Stream stream, uint value)
    {
        Span<byte> buffer = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(buffer, value);
        stream.Write(buffer);
    }

    private static void WriteInt32(Stream stream, int value)
    {
        Span<byte> buffer = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(buffer, value);
        stream.Write(buffer);
    }

    private static void WriteUInt64(Stream stream, ulong value)
    {
        Span<byte> buffer = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(buffer, value);
        stream.Write(buffer);
    }

    private static void WriteInt64(Stream stream, long value)
    {
        Span<byte> buffer = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(buffer, value);
        stream.Write(buffer);
    }
}
