using Realtime.MediaWorker.Transcoding;

namespace Realtime.MediaBench;

/// <summary>
/// The baseline: one ffmpeg per rung, one after another, each decoding the whole source again (how PeerTube
/// transcodes). Encoder settings, rungs and HLS muxing as ours; the AAC is encoded once, in the first process, so the
/// difference is the repeated decoding and scaling.
/// </summary>
public static class PerRung
{
    public static async Task RunAsync(TranscodePlan plan, string source, TranscodeOptions options, string output)
    {
        var video = plan.Video!;
        Directory.CreateDirectory(output);
        var gop = video.KeyframeInterval.ToString(System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < video.Rungs.Count; i++)
        {
            var rung = video.Rungs[i];
            var args = new List<string>
            {
                "-hide_banner", "-nostdin", "-y", "-loglevel", "error", "-i", FfmpegSyntax.InputFile(source),
                "-map", "0:v:0",
            };
            if (i == 0)
                args.AddRange(["-map", "0:a:0", "-c:a", "aac", "-b:a", $"{plan.Audio.BitrateKbps}k", "-ar", "48000", "-ac", "2"]);
            args.AddRange([
                "-vf", $"fps={video.FrameRate},scale={rung.Width}:{rung.Height},setsar=1,format=yuv420p",
                "-c:v", "libx264", "-preset", options.X264Preset, "-profile:v", "high",
                "-g", gop, "-keyint_min", gop, "-sc_threshold", "0",
                "-b:v", $"{rung.BitrateKbps}k", "-maxrate", $"{rung.MaxRateKbps}k", "-bufsize", $"{rung.BufferKbps}k",
                "-f", "hls", "-hls_segment_type", "fmp4", "-hls_time", plan.SegmentSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "-hls_playlist_type", "vod", "-hls_flags", "independent_segments",
                "-hls_segment_filename", $"{rung.Name}/seg-%05d.m4s", "-hls_fmp4_init_filename", "init.mp4",
                $"{rung.Name}/index.m3u8",
            ]);
            Directory.CreateDirectory(Path.Combine(output, rung.Name));
            await Ffmpeg.RunAsync(output, args);
        }
    }
}
