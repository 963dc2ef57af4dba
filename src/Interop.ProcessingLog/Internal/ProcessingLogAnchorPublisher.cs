using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Interop.ProcessingLog.Internal;

/// <summary>
/// Publishes anchors of the processing log (<see cref="ProcessingLogAnchorOptions"/>): once the host has started and
/// then every interval, verifies what was appended since the last anchor
/// (<see cref="ProcessingLogVerifier.VerifyAfterAsync"/>) and, when the chain grew and verifies, publishes its new head
/// to the log and the anchor file. A chain that does not verify gets no new anchor: the defect is logged at every
/// interval until it is dealt with. Nothing is kept but the last anchor, so every node of a multi-node hub can run one.
/// </summary>
internal sealed class ProcessingLogAnchorPublisher : BackgroundService
{
    private readonly ProcessingLogVerifier _verifier;
    private readonly ProcessingLogAnchorOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IHostApplicationLifetime? _lifetime;
    private ProcessingLogAnchor? _last;
    private bool _resumed;

    public ProcessingLogAnchorPublisher(
        IProcessingLog log,
        IOptions<ProcessingLogAnchorOptions> options,
        TimeProvider time,
        ILogger<ProcessingLogAnchorPublisher> logger,
        IHostApplicationLifetime? lifetime = null)
    {
        // The verifier's own events ("chain verified") would repeat every interval; this class logs what matters.
        _verifier = new ProcessingLogVerifier(log, NullLogger<ProcessingLogVerifier>.Instance);
        _options = options.Value;
        _time = time;
        _logger = logger;
        _lifetime = lifetime;
    }

    /// <summary>The last anchor published (or resumed from the file); null before the first.</summary>
    public ProcessingLogAnchor? LastAnchor => _last;

    /// <summary>
    /// One round: verifies what is new since the last anchor and publishes the new head. Returns the anchor published,
    /// or null when there was nothing new, the chain did not verify, or publishing failed (each logged).
    /// </summary>
    public async Task<ProcessingLogAnchor?> PublishOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (!_resumed)
            {
                _last = await ResumeAsync(cancellationToken).ConfigureAwait(false);
                _resumed = true;
            }

            var result = await _verifier.VerifyAfterAsync(_last, cancellationToken).ConfigureAwait(false);
            if (!result.IsValid)
            {
                ProcessingLogLog.AnchorWithheld(_logger, _last?.ToString() ?? "none", result.FirstInvalidSequence ?? 0, result.Defect, result.Message);
                return null;
            }

            if (result.Head is not { } head || head.Equals(_last))
            {
                return null;
            }

            if (_options.AnchorFile is { } path)
            {
                await ProcessingLogAnchorFile.AppendAsync(path, head, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            }

            ProcessingLogLog.AnchorPublished(_logger, head.ToString(), (_last?.Sequence ?? 0) + 1, head.Sequence);
            _last = head;
            return head;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            ProcessingLogLog.AnchorFailed(_logger, e);
            return null;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_options.Interval == TimeSpan.Zero)
        {
            return;
        }

        try
        {
            // After start-up: the schema is migrated by then, and a first anchor is taken at once.
            if (_lifetime is not null)
            {
                await WhenStartedAsync(_lifetime, stoppingToken).ConfigureAwait(false);
            }

            using var timer = new PeriodicTimer(_options.Interval, _time);
            do
            {
                await PublishOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: a round cut short (by cancellation or by the database closing under it) is no failure.
        }
    }

    private static async Task WhenStartedAsync(IHostApplicationLifetime lifetime, CancellationToken cancellationToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    // The last anchor of the file, where verification resumes; null (verify from the first record) without a file, with
    // an empty one, or with one that is not an anchor file (logged: it may have been tampered with).
    private async Task<ProcessingLogAnchor?> ResumeAsync(CancellationToken cancellationToken)
    {
        if (_options.AnchorFile is not { } path || !File.Exists(path))
        {
            return null;
        }

        try
        {
            var anchors = await ProcessingLogAnchorFile.ReadAsync(path, cancellationToken).ConfigureAwait(false);
            return anchors.Count == 0 ? null : anchors[^1];
        }
        catch (FormatException e)
        {
            ProcessingLogLog.AnchorFileUnreadable(_logger, path, e.Message);
            return null;
        }
    }
}
