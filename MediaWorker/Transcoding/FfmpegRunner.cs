using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Realtime.MediaWorker.Transcoding;

/// <summary>
/// Starts ffmpeg, turns its <c>-progress pipe:1</c> output into progress reports, keeps the tail of stderr, and kills
/// it (with anything it started) when it stalls, when the caller cancels, or when anything here throws.
/// </summary>
public sealed class FfmpegRunner(string executable = "ffmpeg") : IFfmpegRunner
{
    public async Task<FfmpegRunResult> RunAsync(FfmpegRunRequest request, IProgress<TranscodeProgress>? progress,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = request.WorkingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in request.Arguments)
            start.ArgumentList.Add(argument);

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new ToolMissingException(executable, e);
        }

        var watchdog = new StallWatchdog(request.StallTimeout);
        var tail = new LineTail(request.StderrTailLines);
        var stalled = false;
        Task readers = Task.CompletedTask;
        try
        {
            process.StandardInput.Close();
            readers = Task.WhenAll(
                ReadProgressAsync(process.StandardOutput, new FfmpegProgressParser(request.MediaDuration), watchdog, progress),
                ReadErrorsAsync(process.StandardError, tail));
            stalled = await WaitAsync(process, watchdog, cancellationToken);
        }
        finally
        {
            await EnsureExitedAsync(process);
            await readers;
        }

        var exitCode = process.ExitCode;
        var lines = tail.Lines();
        var failure = stalled ? FfmpegFailures.Stalled(request.StallTimeout)
            : exitCode != 0 ? FfmpegFailures.Explain(exitCode, lines)
            : null;
        return new FfmpegRunResult(failure is null, exitCode, failure, lines, process.Id);
    }

    /// <summary>Waits for exit; true when the watchdog found ffmpeg stalled (the caller then kills it).</summary>
    private static async Task<bool> WaitAsync(Process process, StallWatchdog watchdog, CancellationToken cancellationToken)
    {
        var exited = process.WaitForExitAsync(cancellationToken);
        using var timer = new PeriodicTimer(watchdog.CheckEvery);
        while (!exited.IsCompleted)
        {
            await Task.WhenAny(exited, timer.WaitForNextTickAsync(cancellationToken).AsTask());
            if (exited.IsCompleted)
                break;
            cancellationToken.ThrowIfCancellationRequested();
            if (watchdog.IsStalled)
                return true;
        }
        await exited;
        return false;
    }

    // ffmpeg starts nothing itself, but a wrapper script in its place might: kill the tree, then reap it.
    private static async Task EnsureExitedAsync(Process process)
    {
        try
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }
        await process.WaitForExitAsync(CancellationToken.None);
    }

    private static async Task ReadProgressAsync(StreamReader output, FfmpegProgressParser parser, StallWatchdog watchdog,
        IProgress<TranscodeProgress>? progress)
    {
        while (await output.ReadLineAsync() is { } line)
        {
            if (parser.Add(line) is not { } report)
                continue;
            watchdog.Saw(report);
            progress?.Report(report);
        }
    }

    private static async Task ReadErrorsAsync(StreamReader errors, LineTail tail)
    {
        while (await errors.ReadLineAsync() is { } line)
            tail.Add(line);
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
