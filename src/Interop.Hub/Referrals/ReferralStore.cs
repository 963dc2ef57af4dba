using System.Data.Common;
using Dapper;
using Interop.Contracts.V1;
using Interop.Hub.Storage;

namespace Interop.Hub.Referrals;

/// <summary>The referral tables' SQL (portable between SQLite and PostgreSQL).</summary>
internal static class ReferralStore
{
    /// <summary>Every column of a referral, with the jongere's encrypted BSN.</summary>
    private const string SelectRow =
        "SELECT r.referral_id AS ReferralId, r.sender_oin AS SenderOin, r.receiver_oin AS ReceiverOin, r.subject_pseudonym AS SubjectPseudonym, "
        + "r.status AS Status, r.version AS Version, r.leefgebied_mask AS LeefgebiedMask, r.urgency AS Urgency, r.submit_time AS SubmitTime, "
        + "r.update_time AS UpdateTime, r.purpose_code AS PurposeCode, r.legal_basis_kind AS LegalBasisKind, r.legal_basis_value AS LegalBasisValue, "
        + "r.content AS Content, s.bsn_protected AS BsnProtected FROM referral r JOIN subject s ON s.pseudonym = r.subject_pseudonym";

    /// <summary>The referral <paramref name="referralId"/>, or null.</summary>
    public static Task<ReferralRow?> GetAsync(DbConnection connection, DbTransaction? transaction, string referralId, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<ReferralRow>(new CommandDefinition(
            SelectRow + " WHERE r.referral_id = @referralId", new { referralId }, transaction, cancellationToken: cancellationToken));

    /// <summary>The stored hash and referral of an idempotency key, or null when the key is new.</summary>
    public static Task<IdempotencyEntry?> FindKeyAsync(DbConnection connection, DbTransaction? transaction, string senderOin, string key, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<IdempotencyEntry>(new CommandDefinition(
            "SELECT request_hash AS RequestHash, referral_id AS ReferralId FROM referral_idempotency WHERE sender_oin = @senderOin AND idempotency_key = @key",
            new { senderOin, key }, transaction, cancellationToken: cancellationToken));

    /// <summary>
    /// Stores a new referral (version 1, SUBMITTED) and its idempotency key; returns the referral's columns as stored
    /// (<see cref="ReferralRow.BsnProtected"/>, the subject's column, is not set).
    /// </summary>
    public static async Task<ReferralRow> InsertAsync(HubWriteContext context, NewReferral referral, string pseudonym, long legalBasisKind, string legalBasisValue, string content)
    {
        var now = HubTime.ToStored(context.Now);
        var row = new ReferralRow
        {
            ReferralId = referral.ReferralId,
            SenderOin = referral.SenderOin,
            ReceiverOin = referral.ReceiverOin,
            SubjectPseudonym = pseudonym,
            Status = (long)ReferralStatus.Submitted,
            Version = 1,
            LeefgebiedMask = referral.LeefgebiedMask,
            Urgency = (long)referral.Urgency,
            SubmitTime = now,
            UpdateTime = now,
            PurposeCode = referral.PurposeCode,
            LegalBasisKind = legalBasisKind,
            LegalBasisValue = legalBasisValue,
            Content = content,
        };

        // The row is the parameter object: what is inserted is what the caller gets back.
        await context.ExecuteAsync(
            "INSERT INTO referral (referral_id, sender_oin, receiver_oin, subject_pseudonym, status, version, leefgebied_mask, urgency, submit_time, update_time, purpose_code, legal_basis_kind, legal_basis_value, content) "
            + "VALUES (@ReferralId, @SenderOin, @ReceiverOin, @SubjectPseudonym, @Status, @Version, @LeefgebiedMask, @Urgency, @SubmitTime, @UpdateTime, @PurposeCode, @LegalBasisKind, @LegalBasisValue, @Content)",
            row).ConfigureAwait(false);
        await context.ExecuteAsync(
            "INSERT INTO referral_idempotency (sender_oin, idempotency_key, request_hash, referral_id, create_time) VALUES (@senderOin, @key, @hash, @referralId, @now)",
            new { senderOin = referral.SenderOin, key = referral.IdempotencyKey, hash = referral.RequestHash, referralId = referral.ReferralId, now }).ConfigureAwait(false);
        return row;
    }

    /// <summary>
    /// Moves the referral from <paramref name="from"/> at <paramref name="expectedVersion"/> to <paramref name="to"/>,
    /// the check and the change in one statement; returns false when the row was not in that state any more.
    /// </summary>
    public static async Task<bool> UpdateAsync(HubWriteContext context, string referralId, long expectedVersion, ReferralStatus from, ReferralStatus to, string content, DateTimeOffset now) =>
        await context.ExecuteAsync(
            "UPDATE referral SET status = @to, version = version + 1, update_time = @now, content = @content WHERE referral_id = @referralId AND version = @expectedVersion AND status = @from",
            new { to = (short)to, now = HubTime.ToStored(now), content, referralId, expectedVersion, from = (short)from }).ConfigureAwait(false) == 1;

    /// <summary>One page of a listing: up to <see cref="ReferralListQuery.PageSize"/> + 1 rows, newest first.</summary>
    public static async Task<List<ReferralRow>> ListAsync(DbConnection connection, DbTransaction? transaction, ReferralListQuery query, string? pseudonym, CancellationToken cancellationToken)
    {
        var sql = new System.Text.StringBuilder(SelectRow);
        var parameters = new DynamicParameters();
        sql.Append(query.Sent ? " WHERE r.sender_oin = @oin" : " WHERE r.receiver_oin = @oin");
        parameters.Add("oin", query.CallerOin);
        if (query.Statuses.Count > 0)
        {
            sql.Append(" AND r.status IN (");
            for (var i = 0; i < query.Statuses.Count; i++)
            {
                sql.Append(i == 0 ? "" : ", ").Append("@s").Append(i);
                parameters.Add("s" + i, (short)query.Statuses[i]);
            }

            sql.Append(')');
        }

        if (query.LeefgebiedMask != 0)
        {
            sql.Append(" AND (r.leefgebied_mask & @mask) <> 0");
            parameters.Add("mask", query.LeefgebiedMask);
        }

        if (query.SubmitFrom is { } from)
        {
            sql.Append(" AND r.submit_time >= @from");
            parameters.Add("from", from);
        }

        if (query.SubmitBefore is { } before)
        {
            sql.Append(" AND r.submit_time < @before");
            parameters.Add("before", before);
        }

        if (pseudonym is not null)
        {
            sql.Append(" AND r.subject_pseudonym = @pseudonym");
            parameters.Add("pseudonym", pseudonym);
        }

        if (query.After is { } after)
        {
            sql.Append(" AND (r.submit_time < @afterTime OR (r.submit_time = @afterTime AND r.referral_id < @afterId))");
            parameters.Add("afterTime", after.SubmitTime);
            parameters.Add("afterId", after.ReferralId);
        }

        sql.Append(" ORDER BY r.submit_time DESC, r.referral_id DESC LIMIT @limit");
        parameters.Add("limit", query.PageSize + 1);
        var rows = await connection.QueryAsync<ReferralRow>(new CommandDefinition(sql.ToString(), parameters, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.AsList();
    }
}
