using System.Globalization;
using System.Text;

namespace Interop.ProcessingLog;

/// <summary>
/// A file of anchors, one per line, oldest first: <c>time sequence:hash</c>, e.g.
/// <c>2026-12-04T15:00:00.0000000+00:00 1042:9f86d0…</c>, as the hub's anchor publication appends them
/// (<see cref="ProcessingLogAnchorOptions.File"/>) and <c>interop-admin log verify --anchor-file</c> reads them. A line
/// may also hold just <c>sequence:hash</c> (pasted from <c>log verify</c>); blank lines and lines starting with
/// <c>#</c> are skipped.
/// </summary>
public static class ProcessingLogAnchorFile
{
    /// <summary>Every anchor in the file at <paramref name="path"/>, in file order.</summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="FormatException">Lines that are not anchors; the message names every one with its line number.</exception>
    public static async Task<IReadOnlyList<ProcessingLogAnchor>> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var lines = await File.ReadAllLinesAsync(path, Encoding.UTF8, cancellationToken).ConfigureAwait(false);
        var anchors = new List<ProcessingLogAnchor>();
        var problems = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            try
            {
                anchors.Add(ParseLine(line));
            }
            catch (FormatException e)
            {
                problems.Add($"line {i + 1}: {e.Message}");
            }
        }

        return problems.Count == 0 ? anchors : throw new FormatException($"{path} holds lines that are not anchors: {string.Join(" ", problems)}");
    }

    /// <summary>
    /// Appends <paramref name="anchor"/>, taken at <paramref name="time"/>, as one line, and flushes it to the disk
    /// before returning (the file is created when missing).
    /// </summary>
    public static async Task AppendAsync(string path, ProcessingLogAnchor anchor, DateTimeOffset time, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(anchor);
        var line = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{time.ToUniversalTime():O} {anchor}\n"));
        var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0, useAsync: true);
        await using (stream.ConfigureAwait(false))
        {
            await stream.WriteAsync(line, cancellationToken).ConfigureAwait(false);
            stream.Flush(flushToDisk: true);
        }
    }

    private static ProcessingLogAnchor ParseLine(string line)
    {
        var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length > 2)
        {
            throw new FormatException($"'{line}' is not 'time sequence:hash'.");
        }

        if (parts.Length == 2 && !DateTimeOffset.TryParseExact(parts[0], "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            throw new FormatException($"'{parts[0]}' is not a time (ISO 8601, as the hub writes it).");
        }

        return ProcessingLogAnchor.Parse(parts[^1]);
    }
}
