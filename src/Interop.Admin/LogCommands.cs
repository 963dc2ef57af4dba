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
        var command = new Command("verify", "Walk the hash chain of the processing log; exit 1 and name the first tampered, missing or relinked record.");
        command.SetAction(AdminCli.Guarded(async (result, output, cancellationToken) =>
        {
            var target = HubStorageTarget.Resolve(result);
            var log = target.OpenProcessingLog();
            if (log is null)
            {
                throw new AdminException($"no database at {target.Description}.");
            }

            try
            {
                var verdict = await new ProcessingLogVerifier(log).VerifyAsync(cancellationToken).ConfigureAwait(false);
                if (verdict.IsValid)
                {
                    await output.WriteLineAsync($"OK: {verdict.VerifiedCount} records, head {Convert.ToHexStringLower(verdict.HeadHash.Span)}").ConfigureAwait(false);
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
}
