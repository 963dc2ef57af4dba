using Dapper;
using Interop.Contracts.V1;
using Interop.Hub.PartnerDirectory;
using Interop.Hub.Storage;
using Interop.Hub.Subjects;
using Interop.ProcessingLog;

namespace Interop.Hub.Inzage;

/// <summary>
/// Turns stored processing records into the contract's ProcessingRecord for one reader: the data subject as the
/// reader's own subject_ref of the jongere (the log holds the hub's pseudonym, which never leaves the hub, and another
/// organisation's subject_ref would let the reader link records outside the hub), organisations with their registered
/// name and kind.
/// </summary>
internal sealed class InzageRecordMapping(IHubDatabase database, SubjectDirectory subjects, PartnerLookup partners)
{
    /// <summary>The records of one jongere, whose subject_ref for the reader is <paramref name="readerRef"/>.</summary>
    public async Task<List<ProcessingRecord>> ToContractAsync(IReadOnlyList<ProcessingLogRecord> records, string readerRef, CancellationToken cancellationToken)
    {
        var result = new List<ProcessingRecord>(records.Count);
        foreach (var record in records)
        {
            result.Add(await ToContractAsync(record, readerRef, cancellationToken).ConfigureAwait(false));
        }

        return result;
    }

    /// <summary>Records about any jongeren: each data subject becomes <paramref name="readerOin"/>'s subject_ref of that jongere.</summary>
    public async Task<List<ProcessingRecord>> ToContractForOrganisationAsync(IReadOnlyList<ProcessingLogRecord> records, string readerOin, CancellationToken cancellationToken)
    {
        var refs = await ReaderRefsAsync(records.Select(r => r.DataSubjectRef).Distinct(StringComparer.Ordinal).ToList(), readerOin, cancellationToken).ConfigureAwait(false);
        var result = new List<ProcessingRecord>(records.Count);
        foreach (var record in records)
        {
            result.Add(await ToContractAsync(record, refs.GetValueOrDefault(record.DataSubjectRef, ""), cancellationToken).ConfigureAwait(false));
        }

        return result;
    }

    private async Task<ProcessingRecord> ToContractAsync(ProcessingLogRecord record, string readerRef, CancellationToken cancellationToken)
    {
        var message = record.ToContract();
        message.DataSubjectRef = readerRef;
        message.RequestingOrganisation = await partners.RefAsync(record.RequestingOrganisationOin, cancellationToken).ConfigureAwait(false);
        if (record.ExecutingOrganisationOin.Length > 0)
        {
            message.ExecutingOrganisation = await partners.RefAsync(record.ExecutingOrganisationOin, cancellationToken).ConfigureAwait(false);
        }

        return message;
    }

    /// <summary>
    /// The reader's subject_ref per pseudonym: the one the hub issued to it, else (a jongere it processed without a ref
    /// being registered, e.g. a call that failed early) derived and registered now. A pseudonym the hub does not know
    /// maps to nothing: the record then shows an empty data_subject_ref rather than the hub's pseudonym.
    /// </summary>
    private async Task<Dictionary<string, string>> ReaderRefsAsync(List<string> pseudonyms, string readerOin, CancellationToken cancellationToken)
    {
        var refs = new Dictionary<string, string>(StringComparer.Ordinal);
        if (pseudonyms.Count == 0)
        {
            return refs;
        }

        var (inList, parameters) = InList(pseudonyms);
        parameters.Add("readerOin", readerOin);
        var issued = await database.ReadAsync(
            (connection, ct) => connection.QueryAsync<RefRow>(new CommandDefinition(
                $"SELECT pseudonym AS Pseudonym, MIN(subject_ref) AS SubjectRef FROM subject_ref WHERE organisation_oin = @readerOin AND pseudonym IN {inList} GROUP BY pseudonym",
                parameters,
                cancellationToken: ct)),
            cancellationToken).ConfigureAwait(false);
        foreach (var row in issued)
        {
            refs[row.Pseudonym] = row.SubjectRef;
        }

        var missing = pseudonyms.Where(p => !refs.ContainsKey(p)).ToList();
        if (missing.Count > 0)
        {
            var derived = await database.WriteAsync(
                async context =>
                {
                    var (missingList, missingParameters) = InList(missing);
                    var known = (await context.Connection.QueryAsync<string>(context.Command(
                        $"SELECT pseudonym FROM subject WHERE pseudonym IN {missingList}", missingParameters)).ConfigureAwait(false)).ToList();
                    var found = new Dictionary<string, string>(StringComparer.Ordinal);
                    foreach (var pseudonym in known)
                    {
                        found[pseudonym] = await subjects.RefForAsync(context, pseudonym, readerOin).ConfigureAwait(false);
                    }

                    return found;
                },
                cancellationToken).ConfigureAwait(false);
            foreach (var (pseudonym, subjectRef) in derived)
            {
                refs[pseudonym] = subjectRef;
            }
        }

        return refs;
    }

    /// <summary>
    /// "(@p0, @p1, ...)" with its parameters: Dapper's own list expansion is not portable (with Npgsql it sends one
    /// array parameter, which "IN" does not take).
    /// </summary>
    private static (string Sql, DynamicParameters Parameters) InList(IReadOnlyList<string> values)
    {
        var parameters = new DynamicParameters();
        var names = new string[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            names[i] = "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            parameters.Add(names[i][1..], values[i]);
        }

        return ("(" + string.Join(", ", names) + ")", parameters);
    }

    private sealed class RefRow
    {
        public string Pseudonym { get; set; } = "";

        public string SubjectRef { get; set; } = "";
    }
}
