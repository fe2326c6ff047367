namespace Realtime.MediaWorker.Transcoding;

/// <summary>
/// The ffmpeg arguments of the poster and the storyboard sprites: a second, cheap process.
/// They cannot share the ladder's process: ffmpeg holds back its first progress report until every output has
/// written its header, and a sprite sheet is written only when its 100 thumbnails are in (a poster only at 10 %), so
/// the ladder would report no progress for many minutes and its watchdog could not tell that from a hang.
/// Here the sprites come from the keyframes only (no other frame is decoded: about 100× realtime), and the poster from
/// a second input seeked to its time that reads one second at most. Together about 1 % of the ladder's work. Pure.
/// </summary>
public static class PictureArguments
{
    public static IReadOnlyList<string> Build(TranscodePlan plan, string inputPath)
    {
        var video = plan.Video ?? throw new ArgumentException("A video plan is needed.", nameof(plan));
        var input = FfmpegSyntax.InputFile(inputPath);
        var args = CommonArguments.Global();
        var graph = new List<string>();
        if (video.Storyboard is { } board)
        {
            args.AddRange(["-skip_frame", "nokey", "-i", input]);
            graph.Add($"[{graph.Count}:v:0]fps=1/{board.IntervalSeconds},scale={board.ThumbnailWidth}:{board.ThumbnailHeight},"
                + $"setsar=1,tile={board.Columns}x{board.Rows}[sprites]");
        }
        if (video.Poster is { } poster)
        {
            var at = Math.Min(poster.At.TotalSeconds, Math.Max(0, plan.Duration.TotalSeconds - 1));
            args.AddRange(["-ss", FfmpegSyntax.Number(at), "-t", "1", "-i", input]);
            graph.Add($"[{graph.Count}:v:0]scale={poster.Width}:{poster.Height},setsar=1[poster]");
        }
        if (graph.Count == 0)
            return [];
        args.AddRange(["-filter_complex", string.Join(';', graph)]);
        if (video.Poster is not null)
            args.AddRange(["-map", "[poster]", "-frames:v", "1", "-update", "1", "-q:v", "2", "-fps_mode", "passthrough",
                OutputLayout.Poster]);
        if (video.Storyboard is not null)
            args.AddRange(["-map", "[sprites]", "-q:v", "4", "-fps_mode", "passthrough", OutputLayout.SpritePattern]);
        return args;
    }
}
