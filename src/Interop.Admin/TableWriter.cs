using System.Text.Json;

namespace Interop.Admin;

/// <summary>Writes rows as an aligned text table for people, or as a JSON array with --json.</summary>
internal static class TableWriter
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static async Task WriteAsync<T>(TextWriter output, bool json, IReadOnlyList<T> rows, string[] headers, Func<T, string[]> cells)
    {
        if (json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(rows, JsonOptions)).ConfigureAwait(false);
            return;
        }

        var table = rows.Select(cells).ToList();
        var widths = headers.Select((h, i) => Math.Max(h.Length, table.Count == 0 ? 0 : table.Max(r => r[i].Length))).ToArray();
        await output.WriteLineAsync(Format(headers, widths)).ConfigureAwait(false);
        await output.WriteLineAsync(Format(widths.Select(w => new string('-', w)).ToArray(), widths)).ConfigureAwait(false);
        foreach (var row in table)
        {
            await output.WriteLineAsync(Format(row, widths)).ConfigureAwait(false);
        }
    }

    private static string Format(string[] cells, int[] widths) => string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd();
}
