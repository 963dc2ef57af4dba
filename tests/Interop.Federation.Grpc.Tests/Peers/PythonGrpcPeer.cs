using System.Diagnostics;

namespace Interop.Federation.Grpc.Tests.Peers;

/// <summary>Runs Debian's python3 with grpcio (a real C-core peer). Fails, never skips, when it is missing.</summary>
public static class PythonGrpcPeer
{
    private const string Python = "/usr/bin/python3";

    public static async Task<string> CallWithAuthorizationAsync(Uri address, params string[] authorizationValues)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Peers", "python", "call_with_authorization.py");
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add($"{address.Host}:{address.Port}");
        foreach (var value in authorizationValues)
        {
            start.ArgumentList.Add(value);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + Python);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"python3 grpcio peer failed ({process.ExitCode}): {await stderr}");
        }

        return (await stdout).Trim();
    }
}
