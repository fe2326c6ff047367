namespace Realtime.MediaWorker.Transcoding;

/// <summary>
/// The ffmpeg arguments of a video programme's ladder: ONE process decodes the source once; a filter graph splits the
/// frames into every rung. The rungs and the one AAC rendition go to a tee muxer that writes the fMP4 HLS ladder and,
/// from the same encode of one rung, the download MP4 — so the MP4 costs no extra encode. (The poster and the
/// storyboard are <see cref="PictureArguments"/>: see there why they are not in this process.)
/// Paths of outputs are relative: ffmpeg runs in the output folder. Pure.
/// </summary>
public static class VideoLadderArguments
{
    public static IReadOnlyList<string> Build(TranscodePlan plan, string inputPath, TranscodeOptions options)
    {
        var video = plan.Video ?? throw new ArgumentException("A video plan is needed.", nameof(plan));
        var args = CommonArguments.Start(inputPath);
        args.AddRange(["-filter_complex", FilterGraph(video)]);

        for (var i = 0; i < video.Rungs.Count; i++)
            args.AddRange(["-map", $"[v{i}]"]);
        args.AddRange(["-map", "0:a:0"]);
        args.AddRange(["-map_metadata", "-1", "-map_chapters", "-1"]);

        var gop = FfmpegSyntax.Number(video.KeyframeInterval);
        args.AddRange([
            "-c:v", "libx264", "-preset", options.X264Preset, "-profile:v", "high",
            "-g", gop, "-keyint_min", gop, "-sc_threshold", "0",
        ]);
        if (options.ForceKeyFramesByTime)
            args.AddRange(["-force_key_frames", $"expr:gte(t,n_forced*{FfmpegSyntax.Number(options.KeyframeIntervalSeconds)})"]);
        for (var i = 0; i < video.Rungs.Count; i++)
        {
            var rung = video.Rungs[i];
            args.AddRange([
                $"-b:v:{i}", FfmpegSyntax.Kbps(rung.BitrateKbps),
                $"-maxrate:v:{i}", FfmpegSyntax.Kbps(rung.MaxRateKbps),
                $"-bufsize:v:{i}", FfmpegSyntax.Kbps(rung.BufferKbps),
            ]);
        }
        args.AddRange(CommonArguments.Audio(plan.Audio));
        // The tee muxer cannot ask the encoders for out-of-band headers itself; MP4 and fMP4 both need them.
        args.AddRange(["-flags", "+global_header", "-f", "tee", Tee(plan, video)]);
        return args;
    }

    /// <summary>Decode once (deinterlace TV video, constant frame rate); split into the rungs, scaled, 4:2:0 for phones.</summary>
    public static string FilterGraph(VideoPlan video)
    {
        var head = (video.Deinterlace ? "bwdif=mode=send_frame," : "") + $"fps={video.FrameRate}";
        var graph = new List<string>();
        graph.Add(video.Rungs.Count == 1
            ? $"[0:v:0]{head}[s0]"
            : $"[0:v:0]{head},split={video.Rungs.Count}{string.Concat(video.Rungs.Select((_, i) => $"[s{i}]"))}");
        for (var i = 0; i < video.Rungs.Count; i++)
            graph.Add($"[s{i}]scale={video.Rungs[i].Width}:{video.Rungs[i].Height},setsar=1,format=yuv420p[v{i}]");
        return string.Join(';', graph);
    }

    /// <summary>The variant map: every video rung refers to the one audio group ("aud").</summary>
    public static string VarStreamMap(VideoPlan video) =>
        string.Join(' ', video.Rungs.Select((r, i) => $"v:{i},agroup:aud,name:{r.Name}")
            .Append($"a:0,agroup:aud,name:{OutputLayout.AudioVariant},default:yes"));

    private static string Tee(TranscodePlan plan, VideoPlan video)
    {
        var slaves = new List<string> { CommonArguments.HlsSlave(plan.SegmentSeconds, VarStreamMap(video)) };
        if (video.DownloadRung is { } download)
        {
            var index = video.Rungs.ToList().IndexOf(download);
            slaves.Add(FfmpegSyntax.TeeSlave(
                [new("f", "mp4"), new("movflags", "+faststart"), new("select", $"v:{index},a")],
                OutputLayout.VideoDownload));
        }
        return FfmpegSyntax.Tee(slaves);
    }
}
