using Microsoft.Extensions.Options;

namespace Realtime.MediaWorker.Transcoding;

/// <summary>
/// One job from a local file to a local folder: probe → check → plan → run ffmpeg (a cheap keyframe-only pass for the
/// poster and storyboard, then the one-process ladder) → list the outputs.
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
            // Pictures first: they take seconds, and a source that cannot even give a poster fails before the ladder.
            if (pictures.Count > 0 && await runner.RunAsync(picturesRun, null, cancellationToken) is { Succeeded: false } failed)
                return TranscodeResult.Failed(probe, plan, failed.Failure!, failed.StderrTail);
            var result = await runner.RunAsync(ladder, progress, cancellationToken);
            if (!result.Succeeded)
                return TranscodeResult.Failed(probe, plan, result.Failure!, result.StderrTail);
            if (plan.Video?.Storyboard is { } board)
                await File.WriteAllTextAsync(Path.Combine(output, OutputLayout.StoryboardVtt),
                    StoryboardVtt.Write(board, plan.Duration), cancellationToken);
            var missing = ExpectedFiles(plan).Where(f => !File.Exists(Path.Combine(output, f))).ToList();
            if (missing.Count > 0)
                return TranscodeResult.Failed(probe, plan, OutputsMissing(missing), result.StderrTail);
            keep = true;
            return TranscodeResult.Success(probe, plan, OutputCatalog.List(output), result.StderrTail);
        }
        finally
        {
            if (!keep)
                Empty(output);
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
