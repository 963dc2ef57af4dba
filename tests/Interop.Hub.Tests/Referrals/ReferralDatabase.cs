using System.Data.Common;
using Interop.Contracts.V1;
using Interop.Hub.Tests.Infrastructure;
using Interop.ProcessingLog;

namespace Interop.Hub.Tests.Referrals;

/// <summary>
/// Reads what a test hub committed, straight from its database (SQLite file or PostgreSQL): the event queue (the
/// Subscribe RPC is built separately), row counts, and the processing log.
/// </summary>
internal static class ReferralDatabase
{
    /// <summary>Every event addressed to <paramref name="recipientOin"/>, in cursor order.</summary>
    public static async Task<List<Event>> EventsForAsync(HubProcess hub, string recipientOin)
    {
        await using var connection = await OpenAsync(hub);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT payload FROM hub_event WHERE recipient_oin = @oin ORDER BY event_cursor";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "oin";
        parameter.Value = recipientOin;
        command.Parameters.Add(parameter);
        var events = new List<Event>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            events.Add(Event.Parser.ParseFrom(Convert.FromBase64String(reader.GetString(0))));
        }

        return events;
    }

    /// <summary>How many rows <paramref name="sql"/> (a SELECT COUNT(*)) counts.</summary>
    public static async Task<long> CountAsync(HubProcess hub, string sql)
    {
        await using var connection = await OpenAsync(hub);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Every processing record requested by <paramref name="oin"/>, newest first.</summary>
    public static async Task<List<ProcessingLogRecord>> RecordsOfAsync(HubProcess hub, string oin)
    {
        var log = hub.OpenProcessingLog();
        try
        {
            var records = new List<ProcessingLogRecord>();
            string? token = null;
            do
            {
                var page = await log.ListByOrganisationAsync(oin, new ProcessingLogPageRequest(500, token));
                records.AddRange(page.Records);
                token = page.NextPageToken;
            }
            while (token is not null);
            return records;
        }
        finally
        {
            (log as IDisposable)?.Dispose();
        }
    }

    private static Task<DbConnection> OpenAsync(HubProcess hub) => hub.OpenDatabaseAsync(readOnly: true);
}
