using Microsoft.Extensions.Options;

namespace Realtime.MediaWorker.Transcoding;

/// <summary>
/// One job from a local file to a local folder: probe → check → plan → run ffmpeg (the one-process ladder, and beside it
/// a cheap pass for the poster and storyboard) → finish the playlists and pictures → list the outputs.
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
        // watchdog allows for decoding the whole file at three times realtime on top of the usual window.
        var pictures = plan.Video is null ? [] : PictureArguments.Build(plan, input);
        var picturesRequest = new FfmpegRunRequest(pictures, output, plan.Duration, stall + plan.Duration / 3,
            settings.StderrTailLines);

        var keep = false;
        try
        {
            // The ladder starts at once, so its first segments (and with them an early replay) come within seconds,
            // whatever the length; the picture pass runs beside it and costs little.
            var (ladderRun, picturesRun) = await RunTogetherAsync(ladder, progress, pictures.Count > 0 ? picturesRequest : null, cancellationToken);
            if (!ladderRun.Succeeded)
                return TranscodeResult.Failed(probe, plan, ladderRun.Failure!, ladderRun.StderrTail);
            await OutputFinisher.FinishPlaylistsAsync(output, plan, cancellationToken);
            await OutputFinisher.FinishPicturesAsync(output, plan, picturesRun is { Succeeded: true }, cancellationToken);
            var missing = ExpectedFiles(plan).Where(f => !File.Exists(Path.Combine(output, f))).ToList();
            if (missing.Count > 0)
                return TranscodeResult.Failed(probe, plan, OutputsMissing(missing), Tail(ladderRun, picturesRun));
            keep = true;
            return TranscodeResult.Success(probe, plan, OutputCatalog.List(output), Tail(ladderRun, picturesRun));
        }
        finally
        {
            if (!keep)
                Empty(output);
        }
    }

    /// <summary>
    /// Runs the ladder and, when given, the picture pass at the same time. A failing ladder stops the pictures; failing
    /// pictures do not stop the ladder (they are optional). Cancellation and crashes stop both before they propagate.
    /// </summary>
    private async Task<(FfmpegRunResult Ladder, FfmpegRunResult? Pictures)> RunTogetherAsync(FfmpegRunRequest ladder,
        IProgress<TranscodeProgress>? progress, FfmpegRunRequest? pictures, CancellationToken cancellationToken)
    {
        using var both = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var ladderRun = runner.RunAsync(ladder, progress, both.Token);
        Task<FfmpegRunResult>? picturesRun = null;
        try
        {
            if (pictures is not null)
                picturesRun = runner.RunAsync(pictures, null, both.Token);
            var ladderResult = await ladderRun;
            if (!ladderResult.Succeeded)
                await both.CancelAsync();
            FfmpegRunResult? picturesResult = null;
            if (picturesRun is not null)
            {
                try
                {
                    picturesResult = await picturesRun;
                }
                catch (OperationCanceledException) when (!ladderResult.Succeeded && !cancellationToken.IsCancellationRequested)
                {
                    // Stopped because the ladder failed: the ladder's failure is the one to report.
                }
            }
            return (ladderResult, picturesResult);
        }
        catch
        {
            await both.CancelAsync();
            await Task.WhenAll(new[] { ladderRun, picturesRun }.OfType<Task>()).ContinueWith(_ => { }, TaskScheduler.Default);
            throw;
        }
    }

    /// <summary>The ladder's error lines, then the picture pass's when it failed (its failure costs only the pictures).</summary>
    private static IReadOnlyList<string> Tail(FfmpegRunResult ladder, FfmpegRunResult? pictures) =>
        pictures is { Succeeded: false } ? [.. ladder.StderrTail, .. pictures.StderrTail] : ladder.StderrTail;

    /// <summary>The files every successful job of this plan has (segments and pictures aside).</summary>
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
        // The poster and the storyboard are optional: a missing thumbnail never costs the replay.
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
