using System.Data.Common;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Interop.Contracts.V1;
using Interop.Federation.Registry;
using Interop.Hub.Tests.Infrastructure;
using Interop.ProcessingLog;
using Interop.Privacy;
using Microsoft.Data.Sqlite;
using OrganisationKind = Interop.Federation.Registry.OrganisationKind;

namespace Interop.Hub.Tests.Notifications;

/// <summary>
/// Writes into a running hub's database directly, as the hub's own services would: events into the notification queue
/// (hub_event, cursor MAX + 1 under the hub's write lock, as HubWriteContext.AddEventAsync does), jongeren into the
/// subject tables (with the hub's development keys), processing records into its log. Lets these tests produce what
/// services built elsewhere will produce, and proves that subscribers find events by polling.
/// </summary>
public sealed class HubDatabaseAccess(HubProcess hub)
{
    private static int _organisationNumber = Random.Shared.Next(0, 1_000_000);

    private string KeyDirectory => Path.GetDirectoryName(hub.DatabasePath)!;

    /// <summary>The hub's pseudonymizer (its development key).</summary>
    public SubjectPseudonymizer Pseudonymizer =>
        new(Convert.FromBase64String(File.ReadAllText(Path.Combine(KeyDirectory, "pseudonym.key")).Trim()));

    private PersonalDataProtector Protector =>
        new(1, new Dictionary<byte, byte[]> { [1] = Convert.FromBase64String(File.ReadAllText(Path.Combine(KeyDirectory, "personal-data-1.key")).Trim()) });

    /// <summary>Registers a new organisation (a fresh test OIN) and returns it, so a test owns its queue alone.</summary>
    public async Task<string> NewOrganisationAsync()
    {
        var oin = "00000099" + Interlocked.Increment(ref _organisationNumber).ToString("D12", System.Globalization.CultureInfo.InvariantCulture);
        await hub.Registry.AddOrganisationAsync(new Organisation(oin, "Testorganisatie " + oin[^6..], OrganisationKind.Gemeente, "RMC38"));
        return oin;
    }

    /// <summary>Queues an event for <paramref name="recipientOin"/> and returns it as stored (cursor and event_id set).</summary>
    public async Task<Event> AddEventAsync(string recipientOin, string subjectRef = "") => (await AddEventsAsync(recipientOin, 1, subjectRef))[0];

    /// <summary>Queues <paramref name="count"/> events for <paramref name="recipientOin"/> in one transaction, as one hub write would.</summary>
    public async Task<List<Event>> AddEventsAsync(string recipientOin, int count, string subjectRef = "")
    {
        await using var connection = await OpenAsync();
        await using var transaction = await BeginWriteAsync(connection);
        var events = new List<Event>(count);
        for (var i = 0; i < count; i++)
        {
            // As HubWriteContext.AddEventAsync numbers events: the hub's counter, which never hands out a cursor twice.
            var cursor = Convert.ToInt64(await ScalarAsync(
                connection, transaction, "UPDATE hub_counter SET counter_value = counter_value + 1 WHERE counter_name = 'event_cursor' RETURNING counter_value"));
            var now = DateTimeOffset.UtcNow;
            var @event = new Event
            {
                EventId = Guid.CreateVersion7().ToString("D"),
                Cursor = (ulong)cursor,
                OccurTime = Timestamp.FromDateTimeOffset(now),
                SubjectRef = subjectRef,
                ReferralReceived = new ReferralReceived
                {
                    ReferralId = Guid.NewGuid().ToString("D"),
                    Sender = new OrganisationRef { Oin = Twente.RocVanTwente },
                    Leefgebieden = { Leefgebied.Zorg },
                    Urgency = Urgency.Regular,
                },
            };
            await ExecuteAsync(
                connection,
                transaction,
                "INSERT INTO hub_event (event_cursor, event_id, recipient_oin, occur_time, payload) VALUES (@cursor, @eventId, @recipient, @occurTime, @payload)",
                ("cursor", cursor),
                ("eventId", @event.EventId),
                ("recipient", recipientOin),
                ("occurTime", (now.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10),
                ("payload", Convert.ToBase64String(@event.ToByteArray())));
            events.Add(@event);
        }

        await transaction.CommitAsync();
        return events;
    }

    /// <summary>How many events of <paramref name="recipientOin"/> are stored.</summary>
    public async Task<long> CountEventsAsync(string recipientOin)
    {
        await using var connection = await OpenAsync();
        return Convert.ToInt64(await ScalarAsync(connection, null, "SELECT COUNT(*) FROM hub_event WHERE recipient_oin = @recipient", ("recipient", recipientOin)));
    }

    /// <summary>The BSN the hub stored (encrypted) for the jongere <paramref name="pseudonym"/>, decrypted with its development key; null when not registered.</summary>
    public async Task<string?> StoredBsnAsync(string pseudonym)
    {
        await using var connection = await OpenAsync();
        var stored = await ScalarAsync(connection, null, "SELECT bsn_protected FROM subject WHERE pseudonym = @pseudonym", ("pseudonym", pseudonym));
        return stored is string protectedBsn
            ? System.Text.Encoding.UTF8.GetString(Protector.Unprotect(Convert.FromBase64String(protectedBsn), System.Text.Encoding.UTF8.GetBytes("subject:" + pseudonym)))
            : null;
    }

    /// <summary>Registers the jongere <paramref name="bsn"/> as the hub does, with the subject_ref of each of <paramref name="refsFor"/>; returns the hub's pseudonym.</summary>
    public async Task<string> RegisterSubjectAsync(string bsn, params string[] refsFor)
    {
        var pseudonymizer = Pseudonymizer;
        var parsed = Bsn.Parse(bsn);
        var pseudonym = pseudonymizer.Pseudonymize(parsed);
        var protector = Protector;
        await using var connection = await OpenAsync();
        await using var transaction = await BeginWriteAsync(connection);
        await ExecuteAsync(
            connection,
            transaction,
            "INSERT INTO subject (pseudonym, bsn_protected, create_time) VALUES (@pseudonym, @protected, 0) ON CONFLICT (pseudonym) DO NOTHING",
            ("pseudonym", pseudonym),
            ("protected", Convert.ToBase64String(protector.Protect(bsn, "subject:" + pseudonym))));
        foreach (var oin in refsFor)
        {
            await ExecuteAsync(
                connection,
                transaction,
                "INSERT INTO subject_ref (organisation_oin, subject_ref, pseudonym) VALUES (@oin, @ref, @pseudonym) ON CONFLICT (organisation_oin, subject_ref) DO NOTHING",
                ("oin", oin),
                ("ref", pseudonymizer.SubjectRefFor(parsed, oin)),
                ("pseudonym", pseudonym));
        }

        await transaction.CommitAsync();
        return pseudonym;
    }

    /// <summary>The hub's processing log, opened on its database as another process would; dispose it.</summary>
    public IProcessingLog OpenLog() => hub.OpenProcessingLog();

    private Task<DbConnection> OpenAsync() => hub.OpenDatabaseAsync();

    // The hub's writers hold BEGIN IMMEDIATE (SQLite) or the log's advisory lock (PostgreSQL) for their whole
    // transaction; taking the same here serialises these writes with the hub's, so MAX + 1 stays in commit order.
    private static async Task<DbTransaction> BeginWriteAsync(DbConnection connection)
    {
        if (connection is SqliteConnection sqlite)
        {
            return sqlite.BeginTransaction(deferred: false);
        }

        var transaction = await connection.BeginTransactionAsync();
        await ScalarAsync(connection, transaction, "SELECT pg_advisory_xact_lock(@key)", ("key", ProcessingLogTransaction.PostgreSqlAppendLockKey));
        return transaction;
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return await command.ExecuteScalarAsync();
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        await command.ExecuteNonQueryAsync();
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
