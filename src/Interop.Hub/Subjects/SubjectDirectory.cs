using System.Data.Common;
using Dapper;
using Interop.Contracts.V1;
using Interop.Hub.Calls;
using Interop.Hub.Storage;
using Interop.Privacy;

namespace Interop.Hub.Subjects;

/// <summary>
/// Turns the Subject of a request into the hub's key for the jongere, a keyed pseudonym (HMAC of the BSN with the
/// hub's secret), and back into each organisation's own subject_ref. The BSN is never a key: the subject table holds
/// it encrypted only, bound to its pseudonym, to derive subject_refs for organisations that have not seen it.
/// </summary>
internal sealed class SubjectDirectory(SubjectPseudonymizer pseudonymizer, PersonalDataProtector protector)
{
    private const int MaxSubjectRefLength = 64;

    /// <summary>
    /// Validates <paramref name="subject"/> (exactly one of bsn, passing the elfproef, or subject_ref); problems go to
    /// <paramref name="violations"/> under <paramref name="field"/>. Returns null when invalid or (not required) absent.
    /// </summary>
    /// <param name="subject">The request's subject.</param>
    /// <param name="field">The subject's field path, for violations.</param>
    /// <param name="violations">Where problems go.</param>
    /// <param name="required">Whether an absent subject is a violation.</param>
    /// <param name="protectBsn">
    /// Whether to encrypt a BSN now, off the write queue, for a call that registers the jongere (false for a read that
    /// registers only now and then: <see cref="ResolveAsync"/> encrypts it then, in the write).
    /// </param>
    public SubjectInput? Parse(Subject? subject, string field, Violations violations, bool required = true, bool protectBsn = true)
    {
        ArgumentNullException.ThrowIfNull(violations);
        if (subject is null || (subject.Bsn.Length == 0 && subject.SubjectRef.Length == 0))
        {
            if (required)
            {
                violations.Add(field, "Required: give the jongere's bsn or the subject_ref the hub issued to you.");
            }

            return null;
        }

        if (subject.Bsn.Length > 0 && subject.SubjectRef.Length > 0)
        {
            violations.Add(field, "Give either bsn or subject_ref, not both.");
            return null;
        }

        if (subject.Bsn.Length > 0)
        {
            var error = Bsn.Validate(subject.Bsn);
            if (error != BsnError.None)
            {
                violations.Add(field + ".bsn", Bsn.Describe(error));
                return null;
            }

            var bsn = Bsn.Parse(subject.Bsn);
            var pseudonym = pseudonymizer.Pseudonymize(bsn);
            return SubjectInput.FromBsn(bsn, pseudonym, protectBsn ? Protect(bsn, pseudonym) : null);
        }

        if (subject.SubjectRef.Length > MaxSubjectRefLength || !subject.SubjectRef.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':'))
        {
            violations.Add(field + ".subject_ref", "Not a subject_ref issued by this hub (at most 64 letters, digits, '-', '_', '.', ':').");
            return null;
        }

        return SubjectInput.FromRef(subject.SubjectRef);
    }

    /// <summary>
    /// In a write: the jongere's pseudonym and the caller's subject_ref, registering the jongere (by BSN) and the ref
    /// when new. NOT_FOUND when a subject_ref is not one the hub issued to the caller.
    /// </summary>
    public async Task<ResolvedSubject> ResolveAsync(HubWriteContext context, SubjectInput input, string callerOin)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        if (input.Bsn is { } bsn)
        {
            await context.ExecuteAsync(
                "INSERT INTO subject (pseudonym, bsn_protected, create_time) VALUES (@pseudonym, @protectedBsn, @now) ON CONFLICT (pseudonym) DO NOTHING",
                new { pseudonym = input.Pseudonym, protectedBsn = input.ProtectedBsn ?? Protect(bsn, input.Pseudonym!), now = HubTime.ToStored(context.Now) }).ConfigureAwait(false);
            var callerRef = RefOf(input, callerOin);
            await InsertRefAsync(context, callerOin, callerRef, input.Pseudonym!).ConfigureAwait(false);
            return new ResolvedSubject(input.Pseudonym!, callerRef);
        }

        var pseudonym = await FindByRefAsync(context.Connection, context.Transaction, input.SubjectRef!, callerOin, context.CancellationToken).ConfigureAwait(false);
        if (pseudonym is null)
        {
            HubErrors.NotFound("No jongere with this subject_ref: it was not issued to your organisation by this hub.");
        }

        return new ResolvedSubject(pseudonym, input.SubjectRef!);
    }

    /// <summary>
    /// The subject_ref of the jongere of <paramref name="input"/> for <paramref name="callerOin"/>: the one the request
    /// gave, or the one derived from its BSN, whether or not the hub has issued it yet (see <see cref="ResolveAsync"/>).
    /// </summary>
    public string RefOf(SubjectInput input, string callerOin)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.Bsn is { } bsn ? pseudonymizer.SubjectRefFor(bsn, callerOin) : input.SubjectRef!;
    }

    /// <summary>
    /// In a read: the jongere's pseudonym when the hub knows the jongere, else null (an unknown BSN, or a subject_ref
    /// not issued to the caller).
    /// </summary>
    public Task<string?> FindAsync(DbConnection connection, SubjectInput input, string callerOin, CancellationToken cancellationToken) =>
        FindAsync(connection, null, input, callerOin, cancellationToken);

    /// <summary>As <see cref="FindAsync(DbConnection, SubjectInput, string, CancellationToken)"/>, in <paramref name="transaction"/> when not null.</summary>
    public async Task<string?> FindAsync(DbConnection connection, DbTransaction? transaction, SubjectInput input, string callerOin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(input);
        if (input.Pseudonym is { } pseudonym)
        {
            var known = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM subject WHERE pseudonym = @pseudonym", new { pseudonym }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            return known > 0 ? pseudonym : null;
        }

        return await FindByRefAsync(connection, transaction, input.SubjectRef!, callerOin, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// In a write: the subject_ref of a known jongere for organisation <paramref name="oin"/> (for events and
    /// responses addressed to it), registering the ref so the organisation can use it later. Pass the BSN when the
    /// request carried it (<paramref name="input"/>): the stored, encrypted one is then not read and decrypted.
    /// </summary>
    public async Task<string> RefForAsync(HubWriteContext context, string pseudonym, string oin, SubjectInput? input = null) =>
        await RefForAsync(context, pseudonym, oin, await BsnOfAsync(context, pseudonym, input).ConfigureAwait(false)).ConfigureAwait(false);

    /// <summary>As <see cref="RefForAsync(HubWriteContext, string, string, SubjectInput?)"/>, with the jongere's BSN in hand.</summary>
    public async Task<string> RefForAsync(HubWriteContext context, string pseudonym, string oin, Bsn bsn)
    {
        ArgumentNullException.ThrowIfNull(context);
        var subjectRef = pseudonymizer.SubjectRefFor(bsn, oin);
        await InsertRefAsync(context, oin, subjectRef, pseudonym).ConfigureAwait(false);
        return subjectRef;
    }

    /// <summary>
    /// In a write: the BSN of the jongere <paramref name="pseudonym"/>: the one <paramref name="input"/> carried when it
    /// names that jongere, else the stored one, read and decrypted.
    /// </summary>
    public async Task<Bsn> BsnOfAsync(HubWriteContext context, string pseudonym, SubjectInput? input)
    {
        ArgumentNullException.ThrowIfNull(context);
        return input?.Bsn is { } given && input.Pseudonym == pseudonym
            ? given
            : await GetBsnAsync(context.Connection, context.Transaction, pseudonym, context.CancellationToken).ConfigureAwait(false);
    }

    /// <summary>The jongere's BSN, decrypted, for a payload that must carry it to its receiver.</summary>
    public async Task<Bsn> GetBsnAsync(DbConnection connection, DbTransaction? transaction, string pseudonym, CancellationToken cancellationToken)
    {
        var protectedBsn = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT bsn_protected FROM subject WHERE pseudonym = @pseudonym", new { pseudonym }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The jongere is not registered in the subject table.");
        return UnprotectBsn(protectedBsn, pseudonym);
    }

    /// <summary>The BSN from subject.bsn_protected of the jongere <paramref name="pseudonym"/> (read with a join, say).</summary>
    public Bsn UnprotectBsn(string protectedBsn, string pseudonym) =>
        Bsn.Parse(protector.Unprotect(Convert.FromBase64String(protectedBsn), BsnAssociatedData(pseudonym)));

    private string Protect(Bsn bsn, string pseudonym) => Convert.ToBase64String(protector.Protect(bsn.Value, BsnAssociatedData(pseudonym)));

    // Binds an encrypted BSN to its row: it cannot be moved to another jongere's pseudonym.
    private static string BsnAssociatedData(string pseudonym) => "subject:" + pseudonym;

    private static Task InsertRefAsync(HubWriteContext context, string oin, string subjectRef, string pseudonym) =>
        context.ExecuteAsync(
            "INSERT INTO subject_ref (organisation_oin, subject_ref, pseudonym) VALUES (@oin, @subjectRef, @pseudonym) ON CONFLICT (organisation_oin, subject_ref) DO NOTHING",
            new { oin, subjectRef, pseudonym });

    private static Task<string?> FindByRefAsync(DbConnection connection, DbTransaction? transaction, string subjectRef, string oin, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT pseudonym FROM subject_ref WHERE organisation_oin = @oin AND subject_ref = @subjectRef",
            new { oin, subjectRef }, transaction, cancellationToken: cancellationToken));
}
