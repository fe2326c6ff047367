using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Realtime.MediaWorker.Transcoding;

namespace Realtime.MediaWorker.Live;

/// <summary>One rendition of the live ladder; <see cref="Name"/> names its playlist ("720p" → 720p.m3u8).</summary>
public sealed record LiveRung(string Name, int Width, int Height, int VideoKbps)
{
    public const int AudioKbps = 128;

    public bool IsAudioOnly => Height == 0;

    public int BandwidthBps => (int)((VideoKbps + AudioKbps) * 1000 * 1.1);
}

/// <summary>
/// The live ladder and the arguments of the one ffmpeg that encodes it: decode once, split into rungs never above the
/// input, keyframes aligned at every segment boundary, MPEG-TS segments with PROGRAM-DATE-TIME. Pure.
/// </summary>
public static partial class LiveLadder
{
    public const string AudioName = "audio";
    public const string MasterPlaylist = "master.m3u8";
    public const string LocalPlaylist = "index.m3u8";

    /// <summary>The rungs for an input of this height (radio: audio only).</summary>
    public static IReadOnlyList<LiveRung> Plan(bool radio, VideoStreamInfo? input, LiveSettings settings)
    {
        if (radio || input is null)
            return [new LiveRung(AudioName, 0, 0, 0)];
        var (width, height) = (input.DisplayWidth, input.DisplayHeight);
        var heights = settings.Heights.Where(h => h <= height).Distinct().OrderDescending().ToList();
        if (heights.Count == 0)
            heights.Add(Even(height));
        return [.. heights.Select(h => new LiveRung($"{h}p", Even(width * (double)h / height), h, Kbps(h)))];
    }

    /// <summary>The encode: ffmpeg reads MPEG-TS on stdin and writes {rung}/index.m3u8 and {rung}/s00000.ts … here.</summary>
    public static IReadOnlyList<string> Arguments(IReadOnlyList<LiveRung> rungs, double frameRate, LiveSettings settings)
    {
        var seconds = settings.SegmentSeconds.ToString(CultureInfo.InvariantCulture);
        var args = new List<string> { "-hide_banner", "-nostdin", "-loglevel", "warning", "-stats_period", "1", "-progress", "pipe:1",
            "-f", "mpegts", "-i", "pipe:0" };
        if (rungs is [{ IsAudioOnly: true } audio])
        {
            args.AddRange(["-map", "0:a:0", "-vn", .. Audio(), .. Hls(seconds), "-hls_segment_filename", $"{audio.Name}/s%05d.ts", $"{audio.Name}/{LocalPlaylist}"]);
            return args;
        }
        var fps = Math.Min(settings.MaxFrameRate, frameRate > 0 ? Math.Round(frameRate) : 25);
        var gop = ((int)fps * settings.SegmentSeconds).ToString(CultureInfo.InvariantCulture);
        var split = rungs.Count == 1 ? "[0:v:0]fps=" + fps + "[s0]"
            : $"[0:v:0]fps={fps},split={rungs.Count}{string.Concat(rungs.Select((_, i) => $"[s{i}]"))}";
        var graph = string.Join(';', rungs.Select((r, i) => $"[s{i}]scale={r.Width}:{r.Height},setsar=1,format=yuv420p[v{i}]").Prepend(split));
        args.AddRange(["-filter_complex", graph]);
        for (var i = 0; i < rungs.Count; i++)
            args.AddRange(["-map", $"[v{i}]", "-map", "0:a:0"]);
        args.AddRange(["-c:v", "libx264", "-preset", settings.X264Preset, "-tune", "zerolatency", "-profile:v", "main",
            "-g", gop, "-keyint_min", gop, "-sc_threshold", "0", "-force_key_frames", $"expr:gte(t,n_forced*{seconds})"]);
        for (var i = 0; i < rungs.Count; i++)
        {
            var kbps = rungs[i].VideoKbps;
            args.AddRange([$"-b:v:{i}", $"{kbps}k", $"-maxrate:v:{i}", $"{kbps * 11 / 10}k", $"-bufsize:v:{i}", $"{kbps}k"]);
        }
        args.AddRange([.. Audio(), .. Hls(seconds), "-hls_segment_filename", "%v/s%05d.ts",
            "-var_stream_map", string.Join(' ', rungs.Select((r, i) => $"v:{i},a:{i},name:{r.Name}")), $"%v/{LocalPlaylist}"]);
        return args;
    }

    /// <summary>The master playlist naming every rung's playlist.</summary>
    public static string Master(IReadOnlyList<LiveRung> rungs)
    {
        var text = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:6\n#EXT-X-INDEPENDENT-SEGMENTS\n");
        foreach (var r in rungs)
        {
            text.Append(CultureInfo.InvariantCulture, $"#EXT-X-STREAM-INF:BANDWIDTH={r.BandwidthBps}");
            if (r.IsAudioOnly)
                text.Append(",CODECS=\"mp4a.40.2\"");
            else
                text.Append(CultureInfo.InvariantCulture, $",RESOLUTION={r.Width}x{r.Height},CODECS=\"avc1.4d401f,mp4a.40.2\"");
            text.Append(CultureInfo.InvariantCulture, $"\n{r.Name}.m3u8\n");
        }
        return text.ToString();
    }

    /// <summary>The rungs a master playlist names (a worker taking over a stream keeps its ladder).</summary>
    public static IReadOnlyList<LiveRung> FromMaster(string master)
    {
        var rungs = new List<LiveRung>();
        var lines = master.Split('\n', StringSplitOptions.TrimEntries);
        for (var i = 0; i + 1 < lines.Length; i++)
        {
            if (!lines[i].StartsWith("#EXT-X-STREAM-INF:", StringComparison.Ordinal) || !lines[i + 1].EndsWith(".m3u8", StringComparison.Ordinal))
                continue;
            var name = lines[i + 1][..^".m3u8".Length];
            var size = Resolution().Match(lines[i]);
            rungs.Add(size.Success
                ? new LiveRung(name, int.Parse(size.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(size.Groups[2].Value, CultureInfo.InvariantCulture),
                    Kbps(int.Parse(size.Groups[2].Value, CultureInfo.InvariantCulture)))
                : new LiveRung(name, 0, 0, 0));
        }
        return rungs;
    }

    /// <summary>A rung's video bitrate by its height (about 0.1 bit per pixel at 25–30 fps).</summary>
    public static int Kbps(int height) => height switch
    {
        >= 1080 => 5000,
        >= 720 => 2800,
        >= 480 => 1400,
        >= 360 => 800,
        >= 240 => 450,
        _ => 250,
    };

    private static int Even(double value) => Math.Max(2, (int)Math.Round(value / 2) * 2);

    private static string[] Audio() => ["-c:a", "aac", "-b:a", $"{LiveRung.AudioKbps}k", "-ac", "2", "-ar", "48000"];

    private static string[] Hls(string seconds) => ["-f", "hls", "-hls_time", seconds, "-hls_list_size", "0", "-hls_segment_type", "mpegts",
        "-hls_flags", "independent_segments+program_date_time+temp_file"];

    [GeneratedRegex(@"RESOLUTION=(\d+)x(\d+)")]
    private static partial Regex Resolution();
}
