namespace Realtime.MediaWorker.Transcoding;

/// <summary>What the transcoder does to ffmpeg's output once the ladder has run: playlists finished, pictures kept or dropped.</summary>
public static class OutputFinisher
{
    /// <summary>
    /// The EVENT playlists ffmpeg wrote while running become VOD playlists (see <see cref="HlsPlaylist.ToVod"/>), and
    /// the master gets the tags ffmpeg leaves out (see <see cref="MasterPlaylist"/>).
    /// </summary>
    public static async Task FinishPlaylistsAsync(string output, TranscodePlan plan, CancellationToken cancellationToken)
    {
        foreach (var path in Directory.EnumerateFiles(output, "*.m3u8", SearchOption.AllDirectories))
        {
            var text = await File.ReadAllTextAsync(path, cancellationToken);
            var vod = HlsPlaylist.ToVod(text);
            if (!ReferenceEquals(vod, text))
                await File.WriteAllTextAsync(path, vod, cancellationToken);
        }
        var masterPath = Path.Combine(output, OutputLayout.MasterPlaylist);
        if (!File.Exists(masterPath))
            return;
        var master = await File.ReadAllTextAsync(masterPath, cancellationToken);
        var bitrates = new Dictionary<string, RenditionBitrate>(StringComparer.Ordinal);
        foreach (var playlist in HlsPlaylist.References(master))
        {
            if (RenditionBitrate.Measure(output, playlist) is { } measured)
                bitrates[playlist] = measured;
        }
        await File.WriteAllTextAsync(masterPath,
            MasterPlaylist.Complete(master, bitrates, plan.Video?.FrameRate, plan.Audio.Channels), cancellationToken);
    }

    /// <summary>
    /// Pictures are optional: a missing thumbnail must never cost the replay. When the picture pass failed, what it wrote
    /// goes (a sheet may be half written). The storyboard map is written when every planned sprite sheet is there;
    /// otherwise the sheets that are there go too, so no player points at a missing one.
    /// </summary>
    public static async Task FinishPicturesAsync(string output, TranscodePlan plan, bool picturesSucceeded, CancellationToken cancellationToken)
    {
        if (plan.Video is null)
            return;
        if (!picturesSucceeded)
            File.Delete(Path.Combine(output, OutputLayout.Poster));
        if (plan.Video.Storyboard is not { } board)
            return;
        var folder = Path.Combine(output, OutputLayout.StoryboardFolder);
        var complete = picturesSucceeded
            && Enumerable.Range(1, board.SheetCount).All(n => File.Exists(Path.Combine(folder, OutputLayout.SpriteFile(n))));
        if (complete)
            await File.WriteAllTextAsync(Path.Combine(output, OutputLayout.StoryboardVtt), StoryboardVtt.Write(board, plan.Duration),
                cancellationToken);
        else if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
    }

    /// <summary>True when the finished output has a storyboard (its map is written only when every sheet is there).</summary>
    public static bool HasStoryboard(IEnumerable<OutputFile> files) => files.Any(f => f.RelativePath == OutputLayout.StoryboardVtt);

    public static bool HasPoster(IEnumerable<OutputFile> files) => files.Any(f => f.RelativePath == OutputLayout.Poster);
}
