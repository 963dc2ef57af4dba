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
        var command = new Command("verify", "Walk the hash chain of the processing log; exit 1 and name the first tampered, missing or relinked record.");
        command.Options.Add(anchorOption);
        command.SetAction(AdminCli.Guarded(async (result, output, cancellationToken) =>
        {
            var anchors = ParseAnchors(result.GetValue(anchorOption) ?? []);
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

    // Every malformed or contradictory anchor is named at once.
    private static List<ProcessingLogAnchor> ParseAnchors(IReadOnlyList<string> values)
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
                problems.Add(e.Message);
            }
        }

        problems.AddRange(ProcessingLogAnchor.FindConflicts(anchors));
        return problems.Count == 0 ? anchors : throw new AdminException("--anchor: " + string.Join(" ", problems));
    }
}
