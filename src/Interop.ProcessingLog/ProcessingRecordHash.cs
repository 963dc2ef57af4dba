using System.Buffers;
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

    // A typical record encodes to 300-400 bytes.
    private const int EncodingSizeHint = 512;

    private static readonly byte[] Genesis = new byte[HashSize];

    /// <summary>The previous_hash of the first record: 32 zero bytes.</summary>
    public static ReadOnlySpan<byte> GenesisHash => Genesis;

    /// <summary>The canonical encoding of <paramref name="record"/>'s fields, without the previous hash.</summary>
    public static byte[] Encode(ProcessingLogRecord record)
    {
        var writer = new ArrayBufferWriter<byte>(EncodingSizeHint);
        EncodeTo(writer, record);
        return writer.WrittenSpan.ToArray();
    }

    /// <summary>SHA-256 over the canonical encoding of <paramref name="record"/> followed by <paramref name="previousHash"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="previousHash"/> is not 32 bytes.</exception>
    public static byte[] Compute(ProcessingLogRecord record, ReadOnlySpan<byte> previousHash)
    {
        if (previousHash.Length != HashSize)
        {
            throw new ArgumentException($"A previous hash is {HashSize} bytes.", nameof(previousHash));
        }

        // One buffer and one SHA-256 call: the record is appended in the writer, once per processing.
        var writer = new ArrayBufferWriter<byte>(EncodingSizeHint);
        EncodeTo(writer, record);
        writer.Write(previousHash);
        return SHA256.HashData(writer.WrittenSpan);
    }

    /// <summary>Microseconds since the Unix epoch: the precision the log keeps and hashes.</summary>
    public static long ToUnixMicroseconds(DateTimeOffset value) => (value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    /// <summary>The inverse of <see cref="ToUnixMicroseconds"/>, in UTC.</summary>
    public static DateTimeOffset FromUnixMicroseconds(long value) => DateTimeOffset.UnixEpoch.AddTicks(value * 10);

    private static void EncodeTo(ArrayBufferWriter<byte> writer, ProcessingLogRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        WriteString(writer, FormatTag);
        WriteUInt64(writer, checked((ulong)record.Sequence));
        WriteString(writer, record.TraceId);
        WriteString(writer, record.SpanId);
        WriteString(writer, record.ParentSpanId);
        WriteString(writer, record.ProcessingActivityId);
        WriteString(writer, record.Operation);
        WriteInt32(writer, (int)record.Action);
        WriteString(writer, record.PurposeCode);
        WriteInt32(writer, (int)record.LegalBasis.Kind);
        WriteString(writer, record.LegalBasis.Value);
        WriteString(writer, record.RequestingOrganisationOin);
        WriteString(writer, record.ExecutingOrganisationOin);
        WriteString(writer, record.DataSubjectRef);
        WriteUInt32(writer, (uint)record.DataCategories.Count);
        foreach (var category in record.DataCategories)
        {
            WriteInt32(writer, (int)category);
        }

        WriteInt32(writer, (int)record.Status);
        WriteInt64(writer, ToUnixMicroseconds(record.StartTime));
        WriteInt64(writer, ToUnixMicroseconds(record.EndTime));
        WriteInt32(writer, (int)record.Vertrouwelijkheid);
        WriteString(writer, record.Bewaartermijn);
    }

    private static void WriteString(ArrayBufferWriter<byte> writer, string value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        WriteUInt32(writer, (uint)length);
        writer.Advance(Encoding.UTF8.GetBytes(value, writer.GetSpan(length)));
    }

    private static void WriteUInt32(ArrayBufferWriter<byte> writer, uint value)
    {
        BinaryPrimitives.WriteUInt32BigEndian(writer.GetSpan(sizeof(uint)), value);
        writer.Advance(sizeof(uint));
    }

    // Two's complement: a signed value's big-endian bytes are those of its unsigned reinterpretation.
    private static void WriteInt32(ArrayBufferWriter<byte> writer, int value) => WriteUInt32(writer, unchecked((uint)value));

    private static void WriteUInt64(ArrayBufferWriter<byte> writer, ulong value)
    {
        BinaryPrimitives.WriteUInt64BigEndian(writer.GetSpan(sizeof(ulong)), value);
        writer.Advance(sizeof(ulong));
    }

    private static void WriteInt64(ArrayBufferWriter<byte> writer, long value) => WriteUInt64(writer, unchecked((ulong)value));
}
