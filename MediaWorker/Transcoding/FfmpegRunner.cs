using System.Diagnostics;

namespace Realtime.MediaWorker.Transcoding;

/// <summary>
/// Runs ffmpeg through FFMpegCore (its process API: standard output and error line by line, cancellation that kills),
/// turns its <c>-progress pipe:1</c> output into progress reports with <see cref="FfmpegProgressParser"/> (FFMpegCore
/// reads only "time=" from stderr), keeps the tail of stderr, and stops it when it stalls or the caller cancels.
/// </summary>
public sealed class FfmpegRunner(string executable = "ffmpeg") : IFfmpegRunner
{
    public async Task<FfmpegRunResult> RunAsync(FfmpegRunRequest request, IProgress<TranscodeProgress>? progress,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var options = FfmpegTools.Options(executable, request.WorkingDirectory);
        var watchdog = new StallWatchdog(request.StallTimeout);
        var tail = new LineTail(request.StderrTailLines);
        var parser = new FfmpegProgressParser(request.MediaDuration);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var processor = FfmpegCommand.From(request.Arguments)
            .NotifyOnStandardOutput(line =>
            {
                if (parser.Add(line) is not { } report)
                    return;
                watchdog.Saw(report);
                progress?.Report(report);
            })
            .NotifyOnStandardError(tail.Add)
            // No grace period: ffmpeg runs with -nostdin, so it is killed at once rather than asked to quit.
            .CancellableThrough(stop.Token, TimeSpan.Zero);

        var running = RunProcessAsync(processor, options);
        var stalled = await WatchAsync(running, watchdog, stop);
        var result = await running;
        cancellationToken.ThrowIfCancellationRequested();

        var lines = tail.Lines();
        var failure = stalled ? FfmpegFailures.Stalled(request.StallTimeout)
            : result.ExitCode != 0 ? FfmpegFailures.Explain(result.ExitCode, lines)
            : null;
        if (failure is not null && lines.Count == 0)
            lines = [FfmpegFailures.Silent(result.ExitCode, stalled)];
        return new FfmpegRunResult(failure is null, result.ExitCode, failure, lines);
    }

    private async Task<FFMpegCore.FFMpegResult> RunProcessAsync(FFMpegCore.FFMpegArgumentProcessor processor, FFMpegCore.FFOptions options)
    {
        try
        {
            return await processor.ProcessAsynchronously(throwOnError: false, options);
        }
        catch (Exception e) when (FfmpegTools.IsMissing(e))
        {
            throw new ToolMissingException(executable, e);
        }
    }

    /// <summary>Waits for the run to end; stops it and returns true when the watchdog finds it stalled.</summary>
    private static async Task<bool> WatchAsync(Task running, StallWatchdog watchdog, CancellationTokenSource stop)
    {
        using var timer = new PeriodicTimer(watchdog.CheckEvery);
        while (!running.IsCompleted)
        {
            await Task.WhenAny(running, timer.WaitForNextTickAsync().AsTask());
            if (running.IsCompleted || stop.IsCancellationRequested)
                break;
            if (watchdog.IsStalled)
            {
                await stop.CancelAsync();
                return true;
            }
        }
        return false;
    }

    /// <summary>Progress means more output time or more frames than before; a repeated report is a stall.</summary>
    private sealed class StallWatchdog(TimeSpan timeout)
    {
        private long _lastAdvance = Stopwatch.GetTimestamp();
        private TimeSpan _outTime = TimeSpan.MinValue;
        private long _frame = -1;

        public TimeSpan CheckEvery { get; } = TimeSpan.FromMilliseconds(Math.Clamp(timeout.TotalMilliseconds / 4, 50, 1000));

        public bool IsStalled => Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastAdvance)) > timeout;

        public void Saw(TranscodeProgress report)
        {
            var frame = report.Frame ?? -1;
            if (report.OutTime <= _outTime && frame <= _frame && !report.Finished)
                return;
            _outTime = TimeSpan.FromTicks(Math.Max(_outTime.Ticks, report.OutTime.Ticks));
            _frame = Math.Max(_frame, frame);
            Interlocked.Exchange(ref _lastAdvance, Stopwatch.GetTimestamp());
        }
    }

    private sealed class LineTail(int capacity)
    {
        private readonly Queue<string> _lines = new();

        public void Add(string line)
        {
            lock (_lines)
            {
                _lines.Enqueue(line);
                while (_lines.Count > capacity)
                    _lines.Dequeue();
            }
        }

        public IReadOnlyList<string> Lines()
        {
            lock (_lines)
                return [.. _lines];
        }
    }
}
