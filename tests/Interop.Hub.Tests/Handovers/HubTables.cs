using System.Data.Common;
using Interop.Contracts.V1;
using Interop.Hub.Tests.Infrastructure;

namespace Interop.Hub.Tests.Handovers;

/// <summary>Reads the hub's tables directly (SQLite file or PostgreSQL database), to check what a call stored.</summary>
public static class HubTables
{
    /// <summary>The rows of every table a handover call writes, counted: equal before and after a refused call.</summary>
    public static async Task<string> SnapshotAsync(HubProcess hub)
    {
        var counts = new List<string>();
        foreach (var table in new[] { "plan", "plan_version", "handover", "hub_event", "subject", "subject_ref", "processing_record", "consent_disclosure" })
        {
            counts.Add(table + "=" + await ScalarAsync(hub, $"SELECT COUNT(*) FROM {table}"));
        }

        return string.Join(' ', counts);
    }

    /// <summary>The events queued for <paramref name="recipientOin"/>, in cursor order.</summary>
    public static async Task<List<Event>> EventsForAsync(HubProcess hub, string recipientOin)
    {
        var events = new List<Event>();
        await using var connection = await OpenAsync(hub);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT payload FROM hub_event WHERE recipient_oin = @oin ORDER BY event_cursor";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "oin";
        parameter.Value = recipientOin;
        command.Parameters.Add(parameter);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            events.Add(Event.Parser.ParseFrom(Convert.FromBase64String(reader.GetString(0))));
        }

        return events;
    }

    /// <summary>The single value of <paramref name="sql"/>, as a string.</summary>
    public static async Task<string?> ScalarAsync(HubProcess hub, string sql)
    {
        await using var connection = await OpenAsync(hub);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Runs a statement against the hub's database, for facts another service would record (a consent registered
    /// through ConsentService, which these tests do not depend on).
    /// </summary>
    public static async Task ExecuteAsync(HubProcess hub, string sql)
    {
        await using var connection = await OpenAsync(hub, writable: true);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static Task<DbConnection> OpenAsync(HubProcess hub, bool writable = false) => hub.OpenDatabaseAsync(readOnly: !writable);
}
