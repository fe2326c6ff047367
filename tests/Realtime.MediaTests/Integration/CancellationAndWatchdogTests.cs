using Realtime.MediaTests.Support;
using Realtime.MediaWorker.Transcoding;
using Realtime.Testing;

namespace Realtime.MediaTests.Integration;

/// <summary>No ffmpeg outlives a job: not after cancellation, not after a stall, not after a failure.</summary>
[Collection(MediaCollection.Name)]
public sealed class CancellationAndWatchdogTests(MediaFixture media)
{
    [Fact]
    public async Task TranscodeAsync_CancelledWhileEncoding_NoFfmpegLeftAndOutputEmptied()
    {
        var name = $"cancel-me-{Guid.NewGuid():N}.mp4";
        var input = media.Source(name);
        File.Copy(media.Landscape720, input);
        var output = media.NewOutput("cancelled");
        using var cancel = new CancellationTokenSource();
        var encoding = new TaskCompletionSource<IReadOnlyList<int>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var progress = new ProgressLog(_ => encoding.TrySetResult(ProcessTable.Mentioning(name)));

        var job = MediaFixture.Transcoder().TranscodeAsync(new(input, output, ProgrammeKind.Video), progress, cancel.Token);
        var runningWhileEncoding = await encoding.Task.WaitAsync(TimeSpan.FromMinutes(1));
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => job);
        Assert.NotEmpty(runningWhileEncoding);
        Assert.Empty(ProcessTable.Mentioning(name));
        Assert.All(runningWhileEncoding, pid => Assert.False(ProcessTable.IsAlive(pid), $"ffmpeg {pid} is still running"));
        Assert.Empty(Directory.EnumerateFileSystemEntries(output));
    }

    [Fact]
    public async Task RunAsync_InputNobodyWritesTo_WatchdogKillsFfmpegAndSaysStalled()
    {
        var fifo = media.Source($"never-written-{Guid.NewGuid():N}.fifo");
        await Tools.RunAsync("mkfifo", fifo);
        var runner = new FfmpegRunner();

        // Opening a named pipe blocks until a writer comes: ffmpeg hangs without a word, like on a dead network share.
        var result = await runner.RunAsync(new FfmpegRunRequest(
            [.. CommonArguments.Start(fifo), "-f", "null", "-"], media.Folder, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(1)),
            null, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal("stalled", result.Failure!.Code);
        Assert.Contains("没有进展", result.Failure.Message);
        Assert.Empty(ProcessTable.Mentioning(Path.GetFileName(fifo)));
        Assert.NotEmpty(result.StderrTail);
    }

    [Fact]
    public async Task RunAsync_MissingInput_FailsWithReasonAndTheErrorTail()
    {
        var result = await new FfmpegRunner().RunAsync(new FfmpegRunRequest(
            [.. CommonArguments.Start(media.Source("does-not-exist.mp4")), "-f", "null", "-"], media.Folder, null,
            TimeSpan.FromSeconds(30)), null, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Equal("input_missing", result.Failure!.Code);
        Assert.Contains(result.StderrTail, l => l.Contains("No such file or directory", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_CancelledBeforeAnyProgress_KilledAndWaitedFor()
    {
        var fifo = media.Source($"cancel-fifo-{Guid.NewGuid():N}.fifo");
        await Tools.RunAsync("mkfifo", fifo);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(1));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new FfmpegRunner().RunAsync(new FfmpegRunRequest(
            [.. CommonArguments.Start(fifo), "-f", "null", "-"], media.Folder, null, TimeSpan.FromMinutes(5)), null, cancel.Token));

        Assert.Empty(ProcessTable.Mentioning(Path.GetFileName(fifo)));
    }
}
