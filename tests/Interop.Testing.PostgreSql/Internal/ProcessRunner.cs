using System.Diagnostics;

namespace Interop.Testing.PostgreSql.Internal;

/// <summary>Starts the server programs, as another OS user when needed, and runs short commands to completion.</summary>
internal static class ProcessRunner
{
    /// <summary>
    /// A start for <paramref name="executable"/>; with <paramref name="asUser"/> it goes through setpriv, which execs
    /// the program in place under that user's uid, gid and groups (so the process started is the program itself and
    /// can be waited for and killed directly, unlike with runuser or su, which stay around as a parent).
    /// </summary>
    public static ProcessStartInfo StartInfo(string executable, IEnumerable<string> arguments, string workingDirectory, string? asUser)
    {
        var info = new ProcessStartInfo(asUser is null ? executable : "setpriv")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        if (asUser is not null)
        {
            foreach (var arg in new[] { $"--reuid={asUser}", $"--regid={asUser}", "--init-groups", "--", executable })
            {
                info.ArgumentList.Add(arg);
            }
        }

        foreach (var arg in arguments)
        {
            info.ArgumentList.Add(arg);
        }

        return info;
    }

    /// <summary>Runs a command to completion; throws with its output when it fails or outlives <paramref name="timeout"/>.</summary>
    public static async Task<string> RunAsync(ProcessStartInfo info, TimeSpan timeout)
    {
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {info.FileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Describe(info)} did not finish within {timeout}.");
        }

        var output = (await stdout) + (await stderr);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Describe(info)} exited with code {process.ExitCode}: {output}");
        }

        return output;
    }

    /// <summary>True when the OS knows a user of this name.</summary>
    public static bool UserExists(string name)
    {
        using var process = Process.Start(StartInfo("id", ["-u", name], "/", asUser: null))!;
        process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        return process.WaitForExit(10_000) && process.ExitCode == 0;
    }

    private static string Describe(ProcessStartInfo info) => string.Join(' ', new[] { info.FileName }.Concat(info.ArgumentList));
}
