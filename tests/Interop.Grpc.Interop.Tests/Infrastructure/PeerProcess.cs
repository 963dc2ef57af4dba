using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Interop.Grpc.Interop.Tests.Infrastructure;

/// <summary>
/// A child process whose stdout and stderr are kept for failure messages. Disposing kills it with its children, so no
/// peer outlives the tests.
/// </summary>
internal sealed partial class PeerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<int> _port = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private PeerProcess(string description, Process process)
    {
        Description = description;
        _process = process;
    }

    /// <summary>What was started, for messages: the command line.</summary>
    public string Description { get; }

    /// <summary>Everything the process wrote so far, stdout and stderr interleaved.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static PeerProcess Start(string fileName, IEnumerable<string> arguments, string workingDirectory)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // Keep peer output plain and free of the caller's proxy settings: every peer talks to 127.0.0.1 only.
        info.Environment["NO_PROXY"] = "*";
        info.Environment.Remove("http_proxy");
        info.Environment.Remove("https_proxy");
        info.Environment.Remove("HTTP_PROXY");
        info.Environment.Remove("HTTPS_PROXY");
        info.Environment.Remove("grpc_proxy");

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var peer = new PeerProcess($"{fileName} {string.Join(' ', arguments)}", process);
        process.OutputDataReceived += (_, e) => peer.OnLine(e.Data, "");
        process.ErrorDataReceived += (_, e) => peer.OnLine(e.Data, "[stderr] ");
        process.Exited += (_, _) => peer._port.TrySetException(new InvalidOperationException("The process exited before it printed 'Listening on port N'."));
        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start {peer.Description}.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return peer;
    }

    /// <summary>The port from the server's <c>Listening on port N</c> line.</summary>
    public async Task<int> WaitForPortAsync(TimeSpan timeout)
    {
        try
        {
            return await _port.Task.WaitAsync(timeout);
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            throw new InvalidOperationException($"Server did not report its port ({e.Message}).{Environment.NewLine}{Description}{Environment.NewLine}{Output}", e);
        }
    }

    /// <summary>Waits for the exit; kills the process when <paramref name="timeout"/> passes first and returns null.</summary>
    public async Task<int?> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancellation.Token);
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            Kill();
            return null;
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private void OnLine(string? line, string prefix)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Append(prefix).AppendLine(line);
        }

        if (ListeningLine().Match(line) is { Success: true } match)
        {
            _port.TrySetResult(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [GeneratedRegex(@"^Listening on port (\d+)$")]
    private static partial Regex ListeningLine();
}
