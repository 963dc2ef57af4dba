using System.Diagnostics;

namespace Interop.Federation.Tests.Interop;

/// <summary>Runs Debian's /usr/bin/python3 (not the pyenv python on PATH) with python3-jwt and python3-jwcrypto.</summary>
public static class PythonPeer
{
    public const string Python = "/usr/bin/python3";

    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string script, params string[] args)
    {
        if (!File.Exists(Python))
        {
            Assert.Fail($"{Python} is missing: install Debian's python3 (apt-get install python3 python3-jwt python3-jwcrypto).");
        }

        var probe = await RunCoreAsync(["-c", "import jwt, jwcrypto, cryptography"]);
        if (probe.ExitCode != 0)
        {
            Assert.Fail("python3-jwt / python3-jwcrypto are missing: run `apt-get install -y python3-jwt python3-jwcrypto`. " + probe.Stderr);
        }

        return await RunCoreAsync([Path.Combine(AppContext.BaseDirectory, "Interop", "python", script), .. args]);
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunCoreAsync(string[] args)
    {
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return (process.ExitCode, (await stdout).Trim(), (await stderr).Trim());
    }
}
