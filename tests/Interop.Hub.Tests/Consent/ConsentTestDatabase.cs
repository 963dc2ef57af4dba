using System.Data.Common;
using Interop.Contracts.V1;
using Interop.Hub.Tests.Infrastructure;

namespace Interop.Hub.Tests.Consent;

using LegalBasis = Interop.Contracts.V1.LegalBasis;

/// <summary>
/// Direct access to a running hub's case database (its SQLite file or PostgreSQL database), for what the API does
/// not show: rows a rejected call must not have written, processing records, queued events, and disclosures an
/// earlier exchange would have recorded.
/// </summary>
public static class ConsentTestDatabase
{
    /// <summary>A single number from <paramref name="sql"/> (parameters as @name).</summary>
    public static async Task<long> ScalarAsync(HubProcess hub, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenAsync(hub);
        await using var command = Command(connection, sql, parameters);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A single text from <paramref name="sql"/>, or null.</summary>
    public static async Task<string?> TextAsync(HubProcess hub, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenAsync(hub);
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteScalarAsync() as string;
    }

    /// <summary>Runs a statement.</summary>
    public static async Task ExecuteAsync(HubProcess hub, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenAsync(hub);
        await using var command = Command(connection, sql, parameters);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Records, as an exchange under the consent would (LegalBasis.ConsentDisclosures), that <paramref name="recipientOin"/>
    /// received data under <paramref name="consentId"/>.
    /// </summary>
    public static async Task AddDisclosureAsync(HubProcess hub, string consentId, string recipientOin)
    {
        var pseudonym = await TextAsync(hub, "SELECT subject_pseudonym FROM consent WHERE consent_id = @id", ("@id", consentId))
            ?? throw new InvalidOperationException("No such consent.");
        await ExecuteAsync(
            hub,
            "INSERT INTO consent_disclosure (consent_id, recipient_oin, subject_pseudonym, first_time) VALUES (@id, @oin, @pseudonym, @time)",
            ("@id", consentId), ("@oin", recipientOin), ("@pseudonym", pseudonym), ("@time", 1_700_000_000_000_000L));
    }

    /// <summary>The ConsentRevoked events queued for <paramref name="consentId"/>, with their recipients, in cursor order.</summary>
    public static async Task<List<(string Recipient, Event Event)>> RevocationEventsAsync(HubProcess hub, string consentId)
    {
        await using var connection = await OpenAsync(hub);
        await using var command = Command(connection, "SELECT recipient_oin, payload FROM hub_event ORDER BY event_cursor", []);
        await using var reader = await command.ExecuteReaderAsync();
        var events = new List<(string, Event)>();
        while (await reader.ReadAsync())
        {
            var @event = Event.Parser.ParseFrom(Convert.FromBase64String(reader.GetString(1)));
            if (@event.PayloadCase == Event.PayloadOneofCase.ConsentRevoked && @event.ConsentRevoked.ConsentId == consentId)
            {
                events.Add((reader.GetString(0), @event));
            }
        }

        return events;
    }

    /// <summary>
    /// The disclosure records (action DISCLOSE) under <paramref name="consentId"/>, in log order: recipient (afnemer),
    /// source (uitvoerder), processing activity and data categories as stored.
    /// </summary>
    public static async Task<List<(string Recipient, string Source, string Activity, string Categories)>> DisclosureRecordsAsync(HubProcess hub, string consentId)
    {
        await using var connection = await OpenAsync(hub);
        await using var command = Command(
            connection,
            "SELECT requesting_oin, executing_oin, processing_activity_id, data_categories FROM processing_record WHERE legal_basis_value = @id AND action = @disclose ORDER BY sequence_no",
            [("@id", consentId), ("@disclose", (long)ProcessingAction.Disclose)]);
        await using var reader = await command.ExecuteReaderAsync();
        var records = new List<(string, string, string, string)>();
        while (await reader.ReadAsync())
        {
            records.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        }

        return records;
    }

    private static Task<DbConnection> OpenAsync(HubProcess hub) => hub.OpenDatabaseAsync();

    private static DbCommand Command(DbConnection connection, string sql, (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
