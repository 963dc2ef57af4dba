using System.Data.Common;
using Dapper;
using Interop.Contracts.V1;
using Interop.Hub.Tests.Infrastructure;

namespace Interop.Hub.Tests.JongereStatus;

/// <summary>
/// Direct access to a running hub's case tables: builds a jongere's history in the tables other services own
/// (referral, plan, handover, consent) and reads back events and processing records.
/// </summary>
public sealed class StatusTables(HubProcess hub)
{
    private static long Now => (DateTimeOffset.UtcNow.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    /// <summary>Microseconds since the epoch, as the hub stores times, <paramref name="offset"/> from now.</summary>
    public static long At(TimeSpan offset) => Now + (offset.Ticks / 10);

    /// <summary>The pseudonym behind <paramref name="subjectRef"/> issued to <paramref name="oin"/>.</summary>
    public Task<string> PseudonymAsync(string oin, string subjectRef) => WithConnection(c => c.ExecuteScalarAsync<string>(
        "SELECT pseudonym FROM subject_ref WHERE organisation_oin = @oin AND subject_ref = @subjectRef", new { oin, subjectRef })!)!;

    /// <summary>Inserts a consent for <paramref name="granteeOin"/>; returns its id.</summary>
    public async Task<string> InsertConsentAsync(
        string pseudonym, string granteeOin, string purposeCode, IEnumerable<Leefgebied> leefgebieden, IEnumerable<DataCategory> categories,
        long? validFrom = null, long? validUntil = null, long? revokeTime = null)
    {
        var id = Guid.NewGuid().ToString("D");
        await WithConnection(c => c.ExecuteAsync(
            "INSERT INTO consent (consent_id, subject_pseudonym, grantee_oin, grantee_kind, grantee_region, purpose_code, leefgebied_mask, category_mask, valid_from, valid_until, recorded_by_oin, record_time, revoke_time, revoked_by_oin, details) " +
            "VALUES (@id, @pseudonym, @granteeOin, NULL, NULL, @purposeCode, @leefgebiedMask, @categoryMask, @validFrom, @validUntil, @granteeOin, @now, @revokeTime, NULL, '')",
            new
            {
                id, pseudonym, granteeOin, purposeCode,
                leefgebiedMask = leefgebieden.Aggregate(0L, (m, l) => m | (1L << (int)l)),
                categoryMask = categories.Aggregate(0L, (m, c) => m | (1L << (int)c)),
                validFrom = validFrom ?? At(TimeSpan.FromDays(-1)), validUntil, now = Now, revokeTime,
            }));
        return id;
    }

    /// <summary>Inserts a referral (index columns only); returns its id.</summary>
    public async Task<string> InsertReferralAsync(string pseudonym, string senderOin, string receiverOin, ReferralStatus status, params Leefgebied[] leefgebieden)
    {
        var id = Guid.NewGuid().ToString("D");
        await WithConnection(c => c.ExecuteAsync(
            "INSERT INTO referral (referral_id, sender_oin, receiver_oin, subject_pseudonym, status, version, leefgebied_mask, urgency, submit_time, update_time, content) " +
            "VALUES (@id, @senderOin, @receiverOin, @pseudonym, @status, 1, @mask, 1, @now, @now, '')",
            new { id, senderOin, receiverOin, pseudonym, status = (short)status, mask = leefgebieden.Aggregate(0L, (m, l) => m | (1L << (int)l)), now = Now }));
        return id;
    }

    /// <summary>Inserts a plan held by <paramref name="holderOin"/> with <paramref name="regisseurOin"/> as regisseur.</summary>
    public async Task<string> InsertPlanAsync(string pseudonym, string holderOin, string regisseurOin)
    {
        var id = Guid.NewGuid().ToString("D");
        await WithConnection(c => c.ExecuteAsync(
            "INSERT INTO plan (plan_id, subject_pseudonym, holder_oin, regisseur_oin, version, create_time, update_time) VALUES (@id, @pseudonym, @holderOin, @regisseurOin, 1, @now, @now)",
            new { id, pseudonym, holderOin, regisseurOin, now = Now }));
        return id;
    }

    /// <summary>Inserts a handover of <paramref name="planId"/>; returns its id.</summary>
    public async Task<string> InsertHandoverAsync(string pseudonym, string planId, string fromOin, string toOin, HandoverStatus status)
    {
        var id = Guid.NewGuid().ToString("D");
        await WithConnection(c => c.ExecuteAsync(
            "INSERT INTO handover (handover_id, plan_id, plan_version, subject_pseudonym, from_oin, to_oin, reason, status, version, offer_time, decide_time, content) " +
            "VALUES (@id, @planId, 1, @pseudonym, @fromOin, @toOin, @reason, @status, 1, @now, NULL, '')",
            new { id, planId, pseudonym, fromOin, toOin, reason = (short)HandoverReason.Transition18, status = (short)status, now = Now }));
        return id;
    }

    /// <summary>Inserts an involvement of <paramref name="oin"/> that lapsed (expire_time in the past, never ended).</summary>
    public Task<int> InsertLapsedInvolvementAsync(string pseudonym, string oin, Leefgebied leefgebied) => WithConnection(c => c.ExecuteAsync(
        "INSERT INTO involvement (subject_pseudonym, organisation_oin, leefgebied_mask, since_time, expire_time, end_time, legal_basis_kind, legal_basis_value, purpose_code) " +
        "VALUES (@pseudonym, @oin, @mask, @since, @expire, NULL, 2, 'leerplicht', 'begeleiding-naar-onderwijs-of-werk')",
        new { pseudonym, oin, mask = 1L << (int)leefgebied, since = At(TimeSpan.FromDays(-800)), expire = At(TimeSpan.FromDays(-70)) }));

    /// <summary>Every event queued for <paramref name="recipientOin"/> about the jongere it knows as <paramref name="subjectRef"/>.</summary>
    public async Task<List<Event>> EventsAsync(string recipientOin, string subjectRef)
    {
        var payloads = await WithConnection(c => c.QueryAsync<string>(
            "SELECT payload FROM hub_event WHERE recipient_oin = @recipientOin ORDER BY event_cursor", new { recipientOin }));
        return [.. payloads.Select(p => Event.Parser.ParseFrom(Convert.FromBase64String(p))).Where(e => e.SubjectRef == subjectRef)];
    }

    /// <summary>The number of involvement rows of a jongere.</summary>
    public Task<long> InvolvementCountAsync(string pseudonym) => WithConnection(c => c.ExecuteScalarAsync<long>(
        "SELECT COUNT(*) FROM involvement WHERE subject_pseudonym = @pseudonym", new { pseudonym }));

    /// <summary>The processing records about <paramref name="pseudonym"/> requested by <paramref name="oin"/>, oldest first.</summary>
    public async Task<List<ProcessingRow>> ProcessingRecordsAsync(string pseudonym, string oin) => [.. await WithConnection(c => c.QueryAsync<ProcessingRow>(
        "SELECT action AS Action, purpose_code AS PurposeCode, legal_basis_kind AS LegalBasisKind, legal_basis_value AS LegalBasisValue, data_categories AS DataCategories, processing_activity_id AS ActivityId, executing_oin AS ExecutingOin " +
        "FROM processing_record WHERE data_subject_ref = @pseudonym AND requesting_oin = @oin ORDER BY sequence_no", new { pseudonym, oin }))];

    /// <summary>The number of consent_disclosure rows for <paramref name="consentId"/> and <paramref name="recipientOin"/>.</summary>
    public Task<long> DisclosureCountAsync(string consentId, string recipientOin) => WithConnection(c => c.ExecuteScalarAsync<long>(
        "SELECT COUNT(*) FROM consent_disclosure WHERE consent_id = @consentId AND recipient_oin = @recipientOin", new { consentId, recipientOin }));

    private async Task<T> WithConnection<T>(Func<DbConnection, Task<T>> action)
    {
        await using var connection = await hub.OpenDatabaseAsync();
        return await action(connection);
    }
}
