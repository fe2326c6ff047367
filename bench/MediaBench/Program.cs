// MediaBench — the media pipeline's figures on this machine. It prints; it asserts nothing.
//
//   dotnet run -c Release --project bench/MediaBench                   # a 60 s 1280x720 25 fps source
//   dotnet run -c Release --project bench/MediaBench -- --1080         # and a 60 s 1920x1080 25 fps source
//   dotnet run -c Release --project bench/MediaBench -- --seconds 120  # longer sources
//   dotnet run -c Release --project bench/MediaBench -- --radio-only   # only the 20-minute radio figures
//   dotnet run -c Release --project bench/MediaBench -- --runs 3       # rounds per figure (default 3): medians and spread
//
// For each source, in the same run, with x264 veryfast and the same rungs everywhere:
//   (a) our one-process ladder (decode once, split, every rung + one AAC, fMP4 HLS) through Transcoder, which probes
//       with FFMpegCore's FFProbe and runs ffmpeg through FFMpegCore's process API;
//   (r) the very same ffmpeg arguments started by hand (no progress parsing): our overhead;
//   (b) one ffmpeg process per rung, each decoding the source again (PeerTube's way; the AAC once, in the first);
//   (f) the full job: (a) plus the download MP4 (same encode, via tee), the poster and the storyboard sprites;
//   and the radio path (audio-only AAC 96k HLS + M4A) through Transcoder and by hand, on the same source and on a
//   20-minute audio-only recording.
// CPU is user+sys of the ffmpeg/ffprobe children, from /proc/self/stat (cutime+cstime of reaped children).
// Compare with "Limits of this machine kind" in ../shared/DESIGN.md.

using Realtime.MediaBench;

var seconds = args.SkipWhile(a => a != "--seconds").Skip(1).Select(int.Parse).FirstOrDefault(60);
var runs = args.SkipWhile(a => a != "--runs").Skip(1).Select(int.Parse).FirstOrDefault(3);
var sizes = new List<(int Width, int Height)> { (1280, 720) };
if (args.Contains("--1080"))
    sizes.Add((1920, 1080));

var folder = Path.Combine(Path.GetTempPath(), "media-bench-" + Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(folder);
try
{
    Console.WriteLine($"MediaBench: {Environment.ProcessorCount} cores, {await Bench.ToolVersionAsync()}, {seconds} s sources");
    if (!args.Contains("--radio-only"))
    {
        foreach (var (width, height) in sizes)
            await Bench.RunAsync(folder, width, height, seconds, runs);
    }
    await Bench.RunRadioAsync(folder, 20 * 60, runs);
}
finally
{
    Directory.Delete(folder, recursive: true);
}
