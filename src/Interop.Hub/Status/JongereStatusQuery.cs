using System.Data.Common;
using Interop.Contracts.V1;
using Interop.Hub.Calls;
using Interop.Hub.LegalBasis;
using Interop.Hub.PartnerDirectory;
using Interop.Hub.Storage;
using Interop.Hub.Subjects;
using Interop.ProcessingLog;
using Interop.Storage;

namespace Interop.Hub.JongereStatus;

/// <summary>
/// GetJongereStatus: reads what the hub holds about a jongere, filters it part by part by the requester's basis
/// (<see cref="StatusAnswerBuilder"/>), then records what it disclosed, under which basis.
/// </summary>
internal sealed class JongereStatusQuery(
    IHubDatabase database,
    SubjectDirectory subjects,
    ILegalBasisResolver resolver,
    PartnerLookup partners,
    CurrentPlanSource plans,
    TimeProvider time)
{
    /// <summary>The status of the jongere <paramref name="input"/> for the caller of <paramref name="call"/>.</summary>
    /// <remarks>
    /// The read, the decisions on each part and the processing records of what they disclose are one
    /// <see cref="IHubDatabase.ReadThenWriteAsync"/>: the answer is returned only once what it disclosed is recorded.
    /// The answer itself is rendered after that write, on the same snapshot and decisions, so the single writer does
    /// not spend its time building messages.
    /// </remarks>
    public async Task<GetJongereStatusResponse> GetAsync(HubCall call, SubjectInput input, string purposeCode, CancellationToken cancellationToken)
    {
        var callerOin = call.CallerOin;
        var kind = OrganisationKindMapping.ToContract(call.Caller.OrganisationKind);
        // Derived from the BSN (an HMAC) or given: computed here, not in the single writer.
        var callerRef = subjects.RefOf(input, callerOin);
        var (builder, subjectRef, now) = await database.ReadThenWriteAsync(
            async (connection, transaction, ct) =>
            {
                // A BSN gives the pseudonym without asking the database, so a jongere the hub does not know is answered
                // exactly like one it knows but the requester may not see.
                var pseudonym = input.Pseudonym ?? await subjects.FindAsync(connection, transaction, input, callerOin, ct).ConfigureAwait(false);
                if (pseudonym is null)
                {
                    HubErrors.NotFound("No jongere with this subject_ref: it was not issued to your organisation by this hub.");
                }

                var now = time.GetUtcNow();
                var (snapshot, consents) = await ReadAsync(connection, transaction, pseudonym, callerOin, callerRef, now, ct).ConfigureAwait(false);
                var decisions = new StatusDecisions(resolver, consents, new BasisQuery(pseudonym, callerOin, kind, call.Caller.RmcRegion, purposeCode, [], []), now);
                var builder = new StatusAnswerBuilder(snapshot, decisions, partners, callerOin, cancellationToken);
                return (Builder: builder, Disclosure: builder.Decide(), IssuedRef: snapshot.CallerRefIssued ? callerRef : null, Now: now);
            },
            async (ctx, read) => (read.Builder, await RecordAsync(ctx, call, input, purposeCode, read.Disclosure, read.IssuedRef).ConfigureAwait(false), read.Now),
            cancellationToken).ConfigureAwait(false);
        var response = await builder.BuildAsync(now).ConfigureAwait(false);
        response.SubjectRef = subjectRef;
        return response;
    }

    /// <summary>
    /// Records what <paramref name="disclosure"/> discloses, under which basis; returns the caller's subject_ref for the
    /// answer: empty when it may not learn it, else <paramref name="issuedRef"/> when the read found it issued
    /// already, else issued now.
    /// </summary>
    private async Task<string> RecordAsync(HubWriteContext ctx, HubCall call, SubjectInput input, string purposeCode, StatusDisclosure disclosure, string? issuedRef)
    {
        var callerOin = call.CallerOin;
        var subjectRef = !disclosure.RevealSubjectRef ? ""
            : issuedRef ?? (await subjects.ResolveAsync(ctx, input, callerOin).ConfigureAwait(false)).CallerRef;
        if (disclosure.Disclosed.Count == 0)
        {
            // Nothing disclosed, but the jongere's identifier was still processed to find that out.
            await ctx.LogAsync(call.Record(
                ProcessingActivities.Status, ProcessingAction.Read, purposeCode, ProcessingLegalBasis.None, disclosure.Pseudonym,
                [input.Bsn is null ? DataCategory.Pseudonym : DataCategory.Bsn], ctx.Now)).ConfigureAwait(false);
        }

        foreach (var (basis, categories) in disclosure.Disclosed)
        {
            await ctx.LogAsync(call.Record(ProcessingActivities.Status, ProcessingAction.Read, purposeCode, basis, disclosure.Pseudonym, categories, ctx.Now)).ConfigureAwait(false);
            await ConsentDisclosures.RecordAsync(ctx, basis, callerOin, disclosure.Pseudonym).ConfigureAwait(false);
        }

        return subjectRef;
    }

    private const int OfferedStatus = (int)HandoverStatus.Offered;

    // Everything a status answer is built from, the jongere's consents included (every part is decided on them), as six
    // statements read as six results: on PostgreSQL one command (one round trip instead of six); on SQLite six raw
    // statements kept prepared on the connection and bound by index (PreparedSqliteConnection.ExecuteStatements: a
    // command binds every parameter to every statement by name, 36 look-ups per query, in the single writer). The
    // handover status is inlined: compared with a bound parameter, SQLite re-prepares the statement on every run to
    // decide whether the partial index handover_open_per_plan (WHERE status = 1) applies. Known: anything at all names
    // the jongere. Issued: the caller has had its subject_ref, so recording this read need not register it.
    private static readonly string[] SnapshotStatements =
    [
        $"SELECT {InvolvementRow.Columns} FROM involvement WHERE subject_pseudonym = @pseudonym AND end_time IS NULL AND (expire_time IS NULL OR expire_time > @now) ORDER BY since_time, organisation_oin",
        $"SELECT {ReferralRow.Columns} FROM referral WHERE subject_pseudonym = @pseudonym AND status IN (@submitted, @accepted) ORDER BY submit_time, referral_id",
        $"SELECT {HandoverRow.Columns} FROM handover WHERE subject_pseudonym = @pseudonym AND status = {OfferedStatus} ORDER BY offer_time, handover_id",
        $"SELECT {PlanRow.Columns} FROM plan WHERE subject_pseudonym = @pseudonym",
        "SELECT CASE WHEN EXISTS (SELECT 1 FROM involvement WHERE subject_pseudonym = @pseudonym) OR EXISTS (SELECT 1 FROM referral WHERE subject_pseudonym = @pseudonym) " +
        "OR EXISTS (SELECT 1 FROM plan WHERE subject_pseudonym = @pseudonym) OR EXISTS (SELECT 1 FROM handover WHERE subject_pseudonym = @pseudonym) " +
        "OR EXISTS (SELECT 1 FROM consent WHERE subject_pseudonym = @pseudonym) THEN 1 ELSE 0 END AS Known, " +
        "CASE WHEN EXISTS (SELECT 1 FROM subject_ref WHERE organisation_oin = @callerOin AND subject_ref = @callerRef AND pseudonym = @pseudonym) THEN 1 ELSE 0 END AS Issued",
        ConsentRow.SelectBySubject,
    ];

    private static readonly string SnapshotSql = string.Join(";\n", SnapshotStatements);

    private async Task<(JongereSnapshot Snapshot, SubjectConsents Consents)> ReadAsync(DbConnection connection, DbTransaction? transaction, string pseudonym, string callerOin, string callerRef, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Read without Dapper: this runs in the writer once per status query, and Dapper's per-call work (a hash of the
        // whole SQL text for its cache key, column checks per result) cost 30-40 µs of hub CPU per query
        // (docs/benchmarks.md). Each row type reads its columns by ordinal, in the order of its Columns
        // (StatusSnapshotRowsTests).
        KeyValuePair<string, object?>[] parameters =
        [
            new("pseudonym", pseudonym),
            new("callerOin", callerOin),
            new("callerRef", callerRef),
            new("now", HubTime.ToStored(now)),
            new("submitted", (short)ReferralStatus.Submitted),
            new("accepted", (short)ReferralStatus.Accepted),
        ];
        SnapshotRows rows;
        if (connection is PreparedSqliteConnection sqlite)
        {
            await using var reader = sqlite.ExecuteStatements(SnapshotStatements, parameters);
            rows = await ReadRowsAsync(reader, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await using var command = CreateSnapshotCommand(connection, transaction, parameters);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            rows = await ReadRowsAsync(reader, cancellationToken).ConfigureAwait(false);
        }

        var plan = await plans.GetAsync(connection, transaction, pseudonym, rows.Plan, callerOin, cancellationToken).ConfigureAwait(false);
        var snapshot = new JongereSnapshot(pseudonym, rows.Known, rows.Issued, rows.Involvements, rows.Referrals, rows.Handovers, plan);
        return (snapshot, new SubjectConsents(pseudonym, rows.Consents));
    }

    private static async Task<SnapshotRows> ReadRowsAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        var involvements = await ReadAllAsync(reader, InvolvementRow.Read, cancellationToken).ConfigureAwait(false);
        await NextResultAsync(reader, cancellationToken).ConfigureAwait(false);
        var referrals = await ReadAllAsync(reader, ReferralRow.Read, cancellationToken).ConfigureAwait(false);
        await NextResultAsync(reader, cancellationToken).ConfigureAwait(false);
        var handovers = await ReadAllAsync(reader, HandoverRow.Read, cancellationToken).ConfigureAwait(false);
        await NextResultAsync(reader, cancellationToken).ConfigureAwait(false);
        var plan = (await ReadAllAsync(reader, PlanRow.Read, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
        await NextResultAsync(reader, cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException("The known/issued statement of the status snapshot returned no row.");
        }

        var (known, issued) = (reader.GetInt64(0) > 0, reader.GetInt64(1) > 0);
        await NextResultAsync(reader, cancellationToken).ConfigureAwait(false);
        var consents = await ReadAllAsync(reader, ConsentRow.Read, cancellationToken).ConfigureAwait(false);
        return new SnapshotRows(involvements, referrals, handovers, plan, known, issued, consents);
    }

    private static DbCommand CreateSnapshotCommand(DbConnection connection, DbTransaction? transaction, KeyValuePair<string, object?>[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = SnapshotSql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static async Task<List<T>> ReadAllAsync<T>(DbDataReader reader, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private static async Task NextResultAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        if (!await reader.NextResultAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException("The status snapshot returned fewer results than it has statements.");
        }
    }
}
