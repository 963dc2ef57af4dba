using System.Diagnostics;
using Interop.Contracts.V1;
using Interop.ProcessingLog.Tests.Infrastructure;

namespace Interop.ProcessingLog.Tests.Storage;

public sealed partial class SqliteProcessingLogTests
{
    // Debian's python (team rules): the pyenv python3 on PATH is another interpreter.
    private const string Python = "/usr/bin/python3";

    [Fact]
    public async Task Chain_VerifiedByIndependentPythonImplementation_OfTheDocumentedEncoding()
    {
        ProcessingLogRecord last = null!;
        for (var i = 0; i < 4; i++)
        {
            last = await Log.AppendAsync(Records.Read(n: i) with
            {
                PurposeCode = "zorg-één-" + i, // non-ASCII: the length prefix counts UTF-8 bytes
                LegalBasis = i % 2 == 0 ? ProcessingLegalBasis.StatutoryTask("rmc-vsv") : ProcessingLegalBasis.None,
                DataCategories = i == 3 ? [] : [DataCategory.Health],
            }).WaitAsync(Timeout);
        }

        Assert.Equal($"OK 4 {Convert.ToHexStringLower(last.RecordHash.Span)}", await RunPythonVerifierAsync());

        await ExecuteSqlAsync("UPDATE processing_record SET end_time = end_time + 1 WHERE sequence_no = 2").WaitAsync(Timeout);
        Assert.Equal("FAIL 2 hash", await RunPythonVerifierAsync());
    }

    private async Task<string> RunPythonVerifierAsync()
    {
        var script = Path.Combine(AppContext.BaseDirectory, "python", "verify_chain.py");
        using var process = Process.Start(new ProcessStartInfo(Python, [script, _path])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("python did not start");
        using var timeout = new CancellationTokenSource(Timeout);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, await error);
        return (await output).Trim();
    }
}
