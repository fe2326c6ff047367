namespace Realtime.MediaWorker.Transcoding;

/// <summary>
/// The ffmpeg arguments of a radio programme: the first audio track once to AAC, written as audio-only fMP4 HLS and
/// an M4A download by a tee muxer. No video is decoded or encoded. Pure.
/// </summary>
public static class RadioArguments
{
    public static IReadOnlyList<string> Build(TranscodePlan plan, string inputPath)
    {
        var args = CommonArguments.Start(inputPath);
        args.AddRange(["-map", "0:a:0", "-map_metadata", "-1", "-map_chapters", "-1"]);
        args.AddRange(CommonArguments.Audio(plan.Audio));
        var slaves = new List<string>
        {
            CommonArguments.HlsSlave(plan.SegmentSeconds, $"a:0,name:{OutputLayout.AudioVariant}"),
        };
        if (plan.Download)
            slaves.Add(FfmpegSyntax.TeeSlave([new("f", "ipod"), new("movflags", "+faststart")], OutputLayout.AudioDownload));
        args.AddRange(["-flags", "+global_header", "-f", "tee", FfmpegSyntax.Tee(slaves)]);
        return args;
    }
}
