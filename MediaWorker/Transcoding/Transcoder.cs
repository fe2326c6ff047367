using Microsoft.Extensions.Options;

namespace Realtime.MediaWorker.Transcoding;

/// <summary>
/// One job from a local file to a local folder: probe → check → plan → run ffmpeg (the one-process ladder, and beside it
/// a cheap keyframe-only pass for the poster and storyboard) → finish the playlists → list the outputs.
/// No network and no blobs: leasing and uploading belong to the caller.
/// </summary>
public sealed class Transcoder(IMediaProber prober, IFfmpegRunner runner, IOptions<TranscodeOptions> options)
{
    private static readonly FailureReason InputMissing =
        new("input_missing", "找不到要转码的源文件（input_missing）：请重新上传后重试。");

    /// <summary>
    /// Transcodes <paramref name="request"/>. Bad input is <see cref="TranscodeStatus.Refused"/> with reasons, a
    /// failing ffmpeg <see cref="TranscodeStatus.Failed"/>; in both cases, and on cancellation
    /// (<see cref="OperationCanceledException"/>), the output folder is left empty and no ffmpeg keeps running.
    /// </summary>
    /// <exception cref="ToolMissingException">ffmpeg or ffprobe is not installed.</exception>
    public async Task<TranscodeResult> TranscodeAsync(TranscodeRequest request, IProgress<TranscodeProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var input = Path.GetFullPath(request.InputPath);
        if (!File.Exists(input))
            return TranscodeResult.Failed(null, null, InputMissing, []);

        var report = await prober.ProbeAsync(input, cancellationToken);
        var refusals = InputChecks.Check(report, request.Kind, settings);
        if (refusals.Count > 0)
            return TranscodeResult.Refused(report.Probe, refusals);
        var probe = report.Probe!;
        var plan = LadderPlanner.Plan(probe, request.Kind, settings);

        var output = PrepareOutput(request.OutputDirectory, plan);
        var stall = TimeSpan.FromSeconds(settings.StallTimeoutSeconds);
        var ladder = new FfmpegRunRequest(
            plan.Video is null ? RadioArguments.Build(plan, input) : VideoLadderArguments.Build(plan, input, settings),
            output, plan.Duration, stall, settings.StderrTailLines);
        // The picture process's progress stands at 0 until its sprite sheets are written (see PictureArguments), so its
        // watchdog allows for reading the whole file at ten times realtime on top of the usual window.
        var pictures = plan.Video is null ? [] : PictureArguments.Build(plan, input);
        var picturesRun = new FfmpegRunRequest(pictures, output, plan.Duration, stall + plan.Duration / 10,
            settings.StderrTailLines);

        var keep = false;
        try
        {
            // The ladder starts at once, so its first segments (and with them an early replay) come within seconds,
            // whatever the length; the keyframe-only picture pass runs beside it and costs little.
            if (await RunTogetherAsync(ladder, progress, pictures.Count > 0 ? picturesRun : null, cancellationToken) is { } failed)
                return TranscodeResult.Failed(probe, plan, failed.Failure!, failed.StderrTail);
            await FinishPlaylistsAsync(output, cancellationToken);
            if (plan.Video?.Storyboard is { } board)
                await File.WriteAllTextAsync(Path.Combine(output, OutputLayout.StoryboardVtt),
                    StoryboardVtt.Write(board, plan.Duration), cancellationToken);
            var missing = ExpectedFiles(plan).Where(f => !File.Exists(Path.Combine(output, f))).ToList();
            if (missing.Count > 0)
                return TranscodeResult.Failed(probe, plan, OutputsMissing(missing), []);
            keep = true;
            return TranscodeResult.Success(probe, plan, OutputCatalog.List(output), []);
        }
        finally
        {
            if (!keep)
                Empty(output);
        }
    }

    /// <summary>
    /// Runs the ladder and, when given, the picture pass at the same time. The first failure stops the other run and
    /// is returned; null when both succeed. Cancellation and crashes stop both before they propagate.
    /// </summary>
    private async Task<FfmpegRunResult?> RunTogetherAsync(FfmpegRunRequest ladder, IProgress<TranscodeProgress>? progress,
        FfmpegRunRequest? pictures, CancellationToken cancellationToken)
    {
        using var both = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var running = new List<Task<FfmpegRunResult>> { runner.RunAsync(ladder, progress, both.Token) };
        try
        {
            if (pictures is not null)
                running.Add(runner.RunAsync(pictures, null, both.Token));
        }
        catch
        {
            await StopAsync(both, running);
            throw;
        }
        FfmpegRunResult? failed = null;
        while (running.Count > 0)
        {
            var done = await Task.WhenAny(running);
            running.Remove(done);
            if (failed is not null)
                continue; // the other run, stopped because of that failure
            if (!done.IsCompletedSuccessfully)
            {
                await StopAsync(both, running);
                await done; // rethrows the cancellation or the crash
            }
            var result = await done; // completed: this only unwraps
            if (!result.Succeeded)
            {
                failed = result;
                await both.CancelAsync();
            }
        }
        return failed;
    }

    private static async Task StopAsync(CancellationTokenSource both, IEnumerable<Task> running)
    {
        await both.CancelAsync();
        await Task.WhenAll(running).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    /// <summary>The EVENT playlists ffmpeg wrote while running become VOD playlists (see <see cref="HlsPlaylist.ToVod"/>).</summary>
    private static async Task FinishPlaylistsAsync(string output, CancellationToken cancellationToken)
    {
        foreach (var path in Directory.EnumerateFiles(output, "*.m3u8", SearchOption.AllDirectories))
        {
            var text = await File.ReadAllTextAsync(path, cancellationToken);
            var vod = HlsPlaylist.ToVod(text);
            if (!ReferenceEquals(vod, text))
                await File.WriteAllTextAsync(path, vod, cancellationToken);
        }
    }

    /// <summary>The files every successful job of this plan has (segments aside).</summary>
    public static IEnumerable<string> ExpectedFiles(TranscodePlan plan)
    {
        yield return OutputLayout.MasterPlaylist;
        yield return $"{OutputLayout.AudioVariant}/{OutputLayout.VariantPlaylist}";
        if (plan.Video is not { } video)
        {
            if (plan.Download)
                yield return OutputLayout.AudioDownload;
            yield break;
        }
        foreach (var rung in video.Rungs)
            yield return $"{rung.Name}/{OutputLayout.VariantPlaylist}";
        if (video.DownloadRung is not null)
            yield return OutputLayout.VideoDownload;
        if (video.Poster is not null)
            yield return OutputLayout.Poster;
        if (video.Storyboard is not null)
        {
            yield return $"{OutputLayout.StoryboardFolder}/{OutputLayout.SpriteFile(1)}";
            yield return OutputLayout.StoryboardVtt;
        }
    }

    private static string PrepareOutput(string directory, TranscodePlan plan)
    {
        var output = Path.GetFullPath(directory);
        if (Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any())
            throw new InvalidOperationException($"The output folder '{output}' must be empty: it is emptied again on failure.");
        Directory.CreateDirectory(output);
        // ffmpeg creates the variant folders itself, but not the image sequence's.
        if (plan.Video?.Storyboard is not null)
            Directory.CreateDirectory(Path.Combine(output, OutputLayout.StoryboardFolder));
        return output;
    }

    private static void Empty(string output)
    {
        foreach (var directory in Directory.EnumerateDirectories(output))
            Directory.Delete(directory, recursive: true);
        foreach (var file in Directory.EnumerateFiles(output))
            File.Delete(file);
    }

    private static FailureReason OutputsMissing(IEnumerable<string> missing) => new("outputs_missing",
        $"转码结束了，但缺少输出文件（outputs_missing）：{string.Join("、", missing)}。请重试。");
}
