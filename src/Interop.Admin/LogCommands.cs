using System.CommandLine;
using Interop.ProcessingLog;

namespace Interop.Admin;

/// <summary><c>log verify</c>: checks the processing log's hash chain and names the first tampered record.</summary>
internal static class LogCommands
{
    public static Command Create()
    {
        var log = new Command("log", "The processing log (Logboek Dataverwerkingen).");
        log.Subcommands.Add(Verify());
        return log;
    }

    private static Command Verify()
    {
        var anchorOption = new Option<string[]>("--anchor")
        {
            Description = "sequence:hash of a record, as an earlier verify printed it and you kept outside the database; repeatable. "
                + "Also finds a chain recomputed after tampering and newest records cut off, which the chain alone cannot show.",
        };
        var anchorFileOption = new Option<string[]>("--anchor-file")
        {
            Description = "A file of anchors, one per line, as the hub appends them (Interop:ProcessingLog:Anchors:File); every anchor in it is checked. Repeatable.",
        };
        var command = new Command("verify", "Walk the hash chain of the processing log; exit 1 and name the first tampered, missing or relinked record.");
        command.Options.Add(anchorOption);
        command.Options.Add(anchorFileOption);
        command.SetAction(AdminCli.Guarded(async (result, output, cancellationToken) =>
        {
            var anchors = await ReadAnchorsAsync(result.GetValue(anchorOption) ?? [], result.GetValue(anchorFileOption) ?? [], cancellationToken).ConfigureAwait(false);
            var target = HubStorageTarget.Resolve(result);
            var log = target.OpenProcessingLog();
            if (log is null)
            {
                throw new AdminException($"no database at {target.Description}.");
            }

            try
            {
                var verdict = await new ProcessingLogVerifier(log).VerifyAsync(anchors, cancellationToken).ConfigureAwait(false);
                if (verdict.IsValid)
                {
                    var matched = anchors.Count == 0 ? "" : $", {anchors.Count} anchor(s) matched";
                    await output.WriteLineAsync($"OK: {verdict.VerifiedCount} records, head {Convert.ToHexStringLower(verdict.HeadHash.Span)}{matched}").ConfigureAwait(false);
                    if (verdict.Head is { } head)
                    {
                        await output.WriteLineAsync($"Anchor to keep outside the database, for a later 'log verify --anchor': {head}").ConfigureAwait(false);
                    }

                    return 0;
                }

                await output.WriteLineAsync($"BROKEN at record {verdict.FirstInvalidSequence} ({verdict.Defect}): {verdict.Message}").ConfigureAwait(false);
                return 1;
            }
            finally
            {
                (log as IDisposable)?.Dispose();
            }
        }));
        return command;
    }

    // Every malformed or contradictory anchor, and every unreadable file, is named at once.
    private static async Task<List<ProcessingLogAnchor>> ReadAnchorsAsync(IReadOnlyList<string> values, IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        var anchors = new List<ProcessingLogAnchor>();
        var problems = new List<string>();
        foreach (var value in values)
        {
            try
            {
                anchors.Add(ProcessingLogAnchor.Parse(value));
            }
            catch (FormatException e)
            {
                problems.Add("--anchor: " + e.Message);
            }
        }

        foreach (var file in files)
        {
            try
            {
                anchors.AddRange(await ProcessingLogAnchorFile.ReadAsync(file, cancellationToken).ConfigureAwait(false));
            }
            catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
            {
                problems.Add("--anchor-file: " + (e is FileNotFoundException or DirectoryNotFoundException ? $"no file {file}." : e.Message));
            }
        }

        problems.AddRange(ProcessingLogAnchor.FindConflicts(anchors));
        return problems.Count == 0 ? anchors : throw new AdminException(string.Join(" ", problems));
    }
}
