using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Interop.Contracts.V1;

namespace Interop.ProcessingLog;

/// <summary>Maps between <see cref="ProcessingLogRecord"/> and the interop.v1 <see cref="ProcessingRecord"/> message.</summary>
public static class ProcessingRecordMapping
{
    /// <summary>
    /// The contract message of a stored record. Output-only fields (organisation names, purpose description, the
    /// statutory task's legal reference) are left for the service to fill from its registers.
    /// </summary>
    public static ProcessingRecord ToContract(this ProcessingLogRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var message = new ProcessingRecord
        {
            Sequence = checked((ulong)record.Sequence),
            TraceId = record.TraceId,
            SpanId = record.SpanId,
            ParentSpanId = record.ParentSpanId,
            ProcessingActivityId = record.ProcessingActivityId,
            Operation = record.Operation,
            Action = record.Action,
            Purpose = new Purpose { Code = record.PurposeCode },
            RequestingOrganisation = new OrganisationRef { Oin = record.RequestingOrganisationOin },
            DataSubjectRef = record.DataSubjectRef,
            Status = record.Status,
            StartTime = Timestamp.FromDateTimeOffset(record.StartTime),
            EndTime = Timestamp.FromDateTimeOffset(record.EndTime),
            Vertrouwelijkheid = record.Vertrouwelijkheid,
            Bewaartermijn = record.Bewaartermijn,
            PreviousHash = ByteString.CopyFrom(record.PreviousHash.Span),
            RecordHash = ByteString.CopyFrom(record.RecordHash.Span),
        };
        message.DataCategories.Add(record.DataCategories);
        if (record.ExecutingOrganisationOin.Length > 0)
        {
            message.ExecutingOrganisation = new OrganisationRef { Oin = record.ExecutingOrganisationOin };
        }

        message.LegalBasis = record.LegalBasis.Kind switch
        {
            ProcessingLegalBasisKind.Consent => new LegalBasis { ConsentId = record.LegalBasis.Value },
            ProcessingLegalBasisKind.StatutoryTask => new LegalBasis { StatutoryTask = new StatutoryTask { Code = record.LegalBasis.Value } },
            _ => null,
        };
        return message;
    }

    /// <summary>
    /// The record a contract message describes (e.g. one received from another hub, to check its hash with
    /// <see cref="ProcessingLogRecord.HasValidHash"/>). Nothing is validated here; <see cref="IProcessingLog.AppendAsync"/> validates.
    /// </summary>
    public static ProcessingLogRecord FromContract(ProcessingRecord message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new ProcessingLogRecord
        {
            Sequence = checked((long)message.Sequence),
            TraceId = message.TraceId,
            SpanId = message.SpanId,
            ParentSpanId = message.ParentSpanId,
            ProcessingActivityId = message.ProcessingActivityId,
            Operation = message.Operation,
            Action = message.Action,
            PurposeCode = message.Purpose?.Code ?? "",
            LegalBasis = message.LegalBasis?.BasisCase switch
            {
                LegalBasis.BasisOneofCase.ConsentId => ProcessingLegalBasis.FromStored(ProcessingLegalBasisKind.Consent, message.LegalBasis.ConsentId),
                LegalBasis.BasisOneofCase.StatutoryTask => ProcessingLegalBasis.FromStored(ProcessingLegalBasisKind.StatutoryTask, message.LegalBasis.StatutoryTask.Code),
                _ => ProcessingLegalBasis.None,
            },
            RequestingOrganisationOin = message.RequestingOrganisation?.Oin ?? "",
            ExecutingOrganisationOin = message.ExecutingOrganisation?.Oin ?? "",
            DataSubjectRef = message.DataSubjectRef,
            DataCategories = [.. message.DataCategories],
            Status = message.Status,
            StartTime = message.StartTime?.ToDateTimeOffset() ?? DateTimeOffset.UnixEpoch,
            EndTime = message.EndTime?.ToDateTimeOffset() ?? DateTimeOffset.UnixEpoch,
            Vertrouwelijkheid = message.Vertrouwelijkheid,
            Bewaartermijn = message.Bewaartermijn,
            PreviousHash = message.PreviousHash.ToByteArray(),
            RecordHash = message.RecordHash.ToByteArray(),
        };
    }
}
