using System.Globalization;
using Interop.Contracts.V1;

namespace Interop.ProcessingLog.Storage.Internal;

/// <summary>A processing_record row as Dapper reads and writes it.</summary>
internal sealed class RecordRow
{
    public const string Columns =
        "sequence_no AS SequenceNo, trace_id AS TraceId, span_id AS SpanId, parent_span_id AS ParentSpanId, " +
        "processing_activity_id AS ProcessingActivityId, operation AS Operation, action AS Action, purpose_code AS PurposeCode, " +
        "legal_basis_kind AS LegalBasisKind, legal_basis_value AS LegalBasisValue, requesting_oin AS RequestingOin, " +
        "executing_oin AS ExecutingOin, data_subject_ref AS DataSubjectRef, data_categories AS DataCategories, status AS Status, " +
        "start_time AS StartTime, end_time AS EndTime, vertrouwelijkheid AS Vertrouwelijkheid, bewaartermijn AS Bewaartermijn, " +
        "previous_hash AS PreviousHash, record_hash AS RecordHash";

    // The insert's parameters by name (the properties' names), in its column order.
    private static readonly string[] InsertNames =
    [
        nameof(SequenceNo), nameof(TraceId), nameof(SpanId), nameof(ParentSpanId), nameof(ProcessingActivityId),
        nameof(Operation), nameof(Action), nameof(PurposeCode), nameof(LegalBasisKind), nameof(LegalBasisValue),
        nameof(RequestingOin), nameof(ExecutingOin), nameof(DataSubjectRef), nameof(DataCategories), nameof(Status),
        nameof(StartTime), nameof(EndTime), nameof(Vertrouwelijkheid), nameof(Bewaartermijn), nameof(PreviousHash), nameof(RecordHash),
    ];

    /// <summary>The insert with named parameters (<c>@SequenceNo</c> ...): Dapper binds this row to it, SQLite's raw statement <see cref="InsertParameters"/>.</summary>
    public static readonly string Insert = InsertInto + " VALUES (" + string.Join(", ", InsertNames.Select(n => "@" + n)) + ")";

    /// <summary><see cref="Insert"/> with positional parameters ($1 ... $21, in its column order): for a PostgreSQL batch, whose commands take no named parameters. Values: <see cref="InsertValues"/>.</summary>
    public static readonly string InsertPositional =
        InsertInto + " VALUES (" + string.Join(", ", Enumerable.Range(1, InsertNames.Length).Select(n => "$" + n.ToString(CultureInfo.InvariantCulture))) + ")";

    // The insert's columns, in the order of both inserts' values.
    private const string InsertInto =
        "INSERT INTO processing_record (sequence_no, trace_id, span_id, parent_span_id, processing_activity_id, operation, action, " +
        "purpose_code, legal_basis_kind, legal_basis_value, requesting_oin, executing_oin, data_subject_ref, data_categories, status, " +
        "start_time, end_time, vertrouwelijkheid, bewaartermijn, previous_hash, record_hash)";

    public long SequenceNo { get; set; }

    public string TraceId { get; set; } = "";

    public string SpanId { get; set; } = "";

    public string ParentSpanId { get; set; } = "";

    public string ProcessingActivityId { get; set; } = "";

    public string Operation { get; set; } = "";

    public int Action { get; set; }

    public string PurposeCode { get; set; } = "";

    public int LegalBasisKind { get; set; }

    public string LegalBasisValue { get; set; } = "";

    public string RequestingOin { get; set; } = "";

    public string ExecutingOin { get; set; } = "";

    public string DataSubjectRef { get; set; } = "";

    public string DataCategories { get; set; } = "";

    public int Status { get; set; }

    public long StartTime { get; set; }

    public long EndTime { get; set; }

    public int Vertrouwelijkheid { get; set; }

    public string Bewaartermijn { get; set; } = "";

    public string PreviousHash { get; set; } = "";

    public string RecordHash { get; set; } = "";

    /// <summary>The values of <see cref="InsertPositional"/>'s parameters, in its column order.</summary>
    public object[] InsertValues() =>
    [
        SequenceNo, TraceId, SpanId, ParentSpanId, ProcessingActivityId, Operation, Action, PurposeCode, LegalBasisKind,
        LegalBasisValue, RequestingOin, ExecutingOin, DataSubjectRef, DataCategories, Status, StartTime, EndTime,
        Vertrouwelijkheid, Bewaartermijn, PreviousHash, RecordHash,
    ];

    /// <summary><see cref="Insert"/>'s parameters by name, in its order (for a raw SQLite statement, bound by index).</summary>
    public KeyValuePair<string, object?>[] InsertParameters()
    {
        var values = InsertValues();
        var parameters = new KeyValuePair<string, object?>[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            parameters[i] = new(InsertNames[i], values[i]);
        }

        return parameters;
    }

    public static RecordRow From(ProcessingLogRecord record) => new()
    {
        SequenceNo = record.Sequence,
        TraceId = record.TraceId,
        SpanId = record.SpanId,
        ParentSpanId = record.ParentSpanId,
        ProcessingActivityId = record.ProcessingActivityId,
        Operation = record.Operation,
        Action = (int)record.Action,
        PurposeCode = record.PurposeCode,
        LegalBasisKind = (int)record.LegalBasis.Kind,
        LegalBasisValue = record.LegalBasis.Value,
        RequestingOin = record.RequestingOrganisationOin,
        ExecutingOin = record.ExecutingOrganisationOin,
        DataSubjectRef = record.DataSubjectRef,
        DataCategories = string.Join(',', record.DataCategories.Select(c => ((int)c).ToString(CultureInfo.InvariantCulture))),
        Status = (int)record.Status,
        StartTime = ProcessingRecordHash.ToUnixMicroseconds(record.StartTime),
        EndTime = ProcessingRecordHash.ToUnixMicroseconds(record.EndTime),
        Vertrouwelijkheid = (int)record.Vertrouwelijkheid,
        Bewaartermijn = record.Bewaartermijn,
        PreviousHash = Convert.ToHexStringLower(record.PreviousHash.Span),
        RecordHash = Convert.ToHexStringLower(record.RecordHash.Span),
    };

    /// <summary>The record exactly as stored: nothing is checked here, so the verifier sees what the database holds.</summary>
    public ProcessingLogRecord ToRecord() => new()
    {
        Sequence = SequenceNo,
        TraceId = TraceId,
        SpanId = SpanId,
        ParentSpanId = ParentSpanId,
        ProcessingActivityId = ProcessingActivityId,
        Operation = Operation,
        Action = (ProcessingAction)Action,
        PurposeCode = PurposeCode,
        LegalBasis = ProcessingLegalBasis.FromStored((ProcessingLegalBasisKind)LegalBasisKind, LegalBasisValue),
        RequestingOrganisationOin = RequestingOin,
        ExecutingOrganisationOin = ExecutingOin,
        DataSubjectRef = DataSubjectRef,
        DataCategories = DataCategories.Length == 0
            ? []
            : DataCategories.Split(',').Select(ParseCategory).ToList(),
        Status = (ProcessingStatus)Status,
        StartTime = ProcessingRecordHash.FromUnixMicroseconds(StartTime),
        EndTime = ProcessingRecordHash.FromUnixMicroseconds(EndTime),
        Vertrouwelijkheid = (Vertrouwelijkheid)Vertrouwelijkheid,
        Bewaartermijn = Bewaartermijn,
        PreviousHash = TryHex(PreviousHash),
        RecordHash = TryHex(RecordHash),
    };

    // A column altered to something unreadable still reads, as a value that cannot hash alike, so the verifier
    // reports the record instead of failing.
    private static DataCategory ParseCategory(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? (DataCategory)number : (DataCategory)(-1);

    // A hash column altered to something that is not hex reads as empty, which the verifier reports as a mismatch.
    private static byte[] TryHex(string value)
    {
        try
        {
            return Convert.FromHexString(value);
        }
        catch (FormatException)
        {
            return [];
        }
    }
}
