namespace Realtime.MediaWorker.Transcoding;

/// <summary>
/// The ffmpeg arguments of the poster and the storyboard sprites: a second, cheap process beside the ladder.
/// They cannot share the ladder's process: ffmpeg holds back its first progress report until every output has
/// written its header, and a sprite sheet is written only when its 100 thumbnails are in (a poster only at 10 %), so
/// the ladder would report no progress for many minutes and its watchdog could not tell that from a hang.
/// Thumbnails are the first frames at or after each multiple of the interval (select on the frame time), not keyframes
/// and not the fps filter: a phone clip with one keyframe, or a clip shorter than the interval, still gets its
/// storyboard, and each cell stays at its time. The poster is the first frame at its time, from the same decode.
/// Deblocking is skipped (a thumbnail cannot show it), which makes the decode about a third cheaper. Errors only on
/// stderr: the JPEG encoder's colour-range notices would fill the tail. Both pictures are optional for the job
/// (see <see cref="OutputFinisher.FinishPicturesAsync"/>). Pure.
/// </summary>
public static class PictureArguments
{
    public static IReadOnlyList<string> Build(TranscodePlan plan, string inputPath)
    {
        var video = plan.Video ?? throw new ArgumentException("A video plan is needed.", nameof(plan));
        var branches = new List<(string Filter, string Label)>();
        if (video.Poster is { } poster)
        {
            var at = FfmpegSyntax.Number(Math.Min(poster.At.TotalSeconds, Math.Max(0, plan.Duration.TotalSeconds - 1)));
            branches.Add(($"select='gte(t,{at})*eq(selected_n,0)',scale={poster.Width}:{poster.Height},setsar=1", "poster"));
        }
        if (video.Storyboard is { } board)
            branches.Add(($"select='gte(t,selected_n*{board.IntervalSeconds})',scale={board.ThumbnailWidth}:{board.ThumbnailHeight},"
                + $"setsar=1,tile={board.Columns}x{board.Rows}", "sprites"));
        if (branches.Count == 0)
            return [];

        var args = CommonArguments.Global("error");
        args.AddRange(["-skip_loop_filter", "all", "-i", FfmpegSyntax.InputFile(inputPath)]);
        var graph = branches.Count == 1
            ? $"[0:v:0]{branches[0].Filter}[{branches[0].Label}]"
            : "[0:v:0]split=2[p0][p1];" + string.Join(';', branches.Select((b, i) => $"[p{i}]{b.Filter}[{b.Label}]"));
        args.AddRange(["-filter_complex", graph]);
        if (video.Poster is not null)
            args.AddRange(["-map", "[poster]", "-frames:v", "1", "-update", "1", "-q:v", "2", "-fps_mode", "passthrough",
                OutputLayout.Poster]);
        if (video.Storyboard is not null)
            args.AddRange(["-map", "[sprites]", "-q:v", "4", "-fps_mode", "passthrough", OutputLayout.SpritePattern]);
        return args;
    }
}
