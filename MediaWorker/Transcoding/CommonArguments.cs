namespace Realtime.MediaWorker.Transcoding;

/// <summary>The parts every ffmpeg job shares. Pure.</summary>
public static class CommonArguments
{
    /// <summary>Warnings and errors on stderr (the failure tail), machine-readable progress on stdout.</summary>
    public static List<string> Global(string logLevel = "warning") =>
        ["-hide_banner", "-nostdin", "-y", "-loglevel", logLevel, "-progress", "pipe:1", "-nostats"];

    /// <summary>The global options and the one input.</summary>
    public static List<string> Start(string inputPath) => [.. Global(), "-i", FfmpegSyntax.InputFile(inputPath)];

    /// <summary>AAC (ffmpeg's native encoder; Debian has no libfdk_aac), resampled to keep sync over gaps.</summary>
    public static IEnumerable<string> Audio(AudioPlan audio) =>
    [
        "-c:a", "aac", "-b:a", FfmpegSyntax.Kbps(audio.BitrateKbps),
        "-ar", FfmpegSyntax.Number(audio.SampleRate), "-ac", FfmpegSyntax.Number(audio.Channels),
        "-af", "aresample=async=1",
    ];

    /// <summary>
    /// fMP4 HLS, a master playlist, one folder per variant. The playlists are EVENT playlists while ffmpeg runs, so the
    /// worker can publish the segments already made and the replay plays before the ladder ends; the transcoder turns
    /// them into VOD playlists when it finishes (<see cref="HlsPlaylist.ToVod"/>). temp_file: every segment and playlist
    /// is written under a temporary name and renamed when complete, so a file the worker sees is whole.
    /// </summary>
    public static string HlsSlave(int segmentSeconds, string varStreamMap) => FfmpegSyntax.TeeSlave(
    [
        new("f", "hls"),
        new("hls_segment_type", "fmp4"),
        new("hls_time", FfmpegSyntax.Number(segmentSeconds)),
        new("hls_playlist_type", "event"),
        new("hls_flags", "independent_segments+temp_file"),
        new("hls_segment_filename", OutputLayout.SegmentPattern),
        new("master_pl_name", OutputLayout.MasterPlaylist),
        new("var_stream_map", varStreamMap),
    ], $"%v/{OutputLayout.VariantPlaylist}");
}
