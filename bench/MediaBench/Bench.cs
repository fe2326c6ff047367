using System.Diagnostics;
using Microsoft.Extensions.Options;
using Realtime.MediaWorker.Tools;
using Realtime.MediaWorker.Transcoding;

namespace Realtime.MediaBench;

/// <summary>One source: generate it, run each way of transcoding it, print the figures.</summary>
public static class Bench
{
    public static async Task<string> ToolVersionAsync() =>
        await ToolVersion.ReadAsync("ffmpeg", CancellationToken.None)
        ?? throw new InvalidOperationException("ffmpeg is missing: `sudo apt-get install -y ffmpeg` or `./realtime setup`.");

    public static async Task RunAsync(string folder, int width, int height, int seconds)
    {
        var source = Path.Combine(folder, $"source-{height}p.mp4");
        Console.WriteLine($"\n== {width}x{height} 25 fps, {seconds} s (testsrc2 + sine, x264 veryfast crf 20, AAC); load average {LoadAverage()} ==");
        await Ffmpeg.RunAsync(folder, [
            "-hide_banner", "-nostdin", "-y", "-loglevel", "error",
            "-f", "lavfi", "-i", $"testsrc2=size={width}x{height}:rate=25:duration={seconds}",
            "-f", "lavfi", "-i", $"sine=frequency=440:sample_rate=48000:duration={seconds}",
            "-c:v", "libx264", "-preset", "veryfast", "-crf", "20", "-g", "50", "-pix_fmt", "yuv420p",
            "-c:a", "aac", "-b:a", "128k", source,
        ]);

        var ladderOnly = new TranscodeOptions { Download = false, Poster = false, Storyboard = false };
        var probe = (await new FfprobeProber().ProbeAsync(source, CancellationToken.None)).Probe!;
        var plan = LadderPlanner.Plan(probe, ProgrammeKind.Video, ladderOnly);
        var radioPlan = LadderPlanner.Plan(probe, ProgrammeKind.Radio, ladderOnly);
        var media = probe.Duration!.Value.TotalSeconds;
        Console.WriteLine($"rungs: {string.Join(", ", plan.Video!.Rungs.Select(r => $"{r.Name} {r.Width}x{r.Height} {r.BitrateKbps}k"))}");

        var table = new List<Figure>
        {
            await Figure.MeasureAsync("(a) ours: one process, decode once", media,
                () => TranscodeAsync(source, Output(folder), ProgrammeKind.Video, ladderOnly)),
            await Figure.MeasureAsync("(r) same ffmpeg arguments by hand", media,
                () => Ffmpeg.RunByHandAsync(VideoLadderArguments.Build(plan, source, ladderOnly), Output(folder))),
            await Figure.MeasureAsync("(b) one process per rung (PeerTube)", media,
                () => PerRung.RunAsync(plan, source, ladderOnly, Output(folder))),
            await Figure.MeasureAsync("(f) ours, full job (+MP4 +poster +sprites)", media,
                () => TranscodeAsync(source, Output(folder), ProgrammeKind.Video, new TranscodeOptions())),
            await Figure.MeasureAsync("radio: ours, AAC 96k HLS + M4A", media,
                () => TranscodeAsync(source, Output(folder), ProgrammeKind.Radio, new TranscodeOptions())),
            await Figure.MeasureAsync("radio: same arguments by hand", media,
                () => Ffmpeg.RunByHandAsync(RadioArguments.Build(radioPlan, source), Output(folder))),
        };

        Console.WriteLine($"{"",-44} {"wall s",8} {"CPU s",8} {"× realtime",11}");
        foreach (var figure in table)
            Console.WriteLine($"{figure.Name,-44} {figure.Wall.TotalSeconds,8:0.00} {figure.Cpu.TotalSeconds,8:0.00} {figure.Realtime,10:0.00}×");

        var (ours, raw, perRung, _, radio, radioRaw) = (table[0], table[1], table[2], table[3], table[4], table[5]);
        Console.WriteLine($"wall ours / by hand:            {ours.Wall / raw.Wall:0.000}  (goal ≤ 1.03)");
        Console.WriteLine($"speed ours / by hand:           {ours.Realtime / raw.Realtime:0.000}  (goal ≥ 0.97)");
        Console.WriteLine($"CPU per-rung / ours (b/a):      {perRung.Cpu / ours.Cpu:0.00}");
        Console.WriteLine($"CPU ours / per-rung (a/b):      {ours.Cpu / perRung.Cpu:0.00}  (goal ≤ 0.75)");
        Console.WriteLine($"radio speed ours / by hand:     {radio.Realtime / radioRaw.Realtime:0.000}  (goal ≥ 0.97; ours includes two ffprobe runs)");
        Console.WriteLine($"load average now: {LoadAverage()} (figures from a busy machine are not comparable)");
    }

    /// <summary>The radio path on a long audio-only recording, where the fixed cost of probing no longer shows.</summary>
    public static async Task RunRadioAsync(string folder, int seconds)
    {
        var source = Path.Combine(folder, "radio.m4a");
        Console.WriteLine($"\n== radio: {seconds / 60} min audio only (sine, AAC 128k 44.1 kHz mono) ==");
        await Ffmpeg.RunAsync(folder, [
            "-hide_banner", "-nostdin", "-y", "-loglevel", "error",
            "-f", "lavfi", "-i", $"sine=frequency=300:sample_rate=44100:duration={seconds}", "-c:a", "aac", "-b:a", "128k", source,
        ]);
        var probe = (await new FfprobeProber().ProbeAsync(source, CancellationToken.None)).Probe!;
        var plan = LadderPlanner.Plan(probe, ProgrammeKind.Radio, new TranscodeOptions());
        var media = probe.Duration!.Value.TotalSeconds;
        // Two rounds in alternating order, the faster of each kept: a run of half a minute is at the mercy of whatever
        // else this shared machine does, and whichever goes first pays for the cold cache.
        Task<Figure> Ours() => Figure.MeasureAsync("radio: ours, AAC 96k HLS + M4A", media,
            () => TranscodeAsync(source, Output(folder), ProgrammeKind.Radio, new TranscodeOptions()));
        Task<Figure> Raw() => Figure.MeasureAsync("radio: same arguments by hand", media,
            () => Ffmpeg.RunByHandAsync(RadioArguments.Build(plan, source), Output(folder)));
        var ours1 = await Ours();
        var raw1 = await Raw();
        var raw2 = await Raw();
        var ours2 = await Ours();
        var ours = ours1.Wall <= ours2.Wall ? ours1 : ours2;
        var raw = raw1.Wall <= raw2.Wall ? raw1 : raw2;
        foreach (var figure in new[] { ours, raw })
            Console.WriteLine($"{figure.Name,-44} {figure.Wall.TotalSeconds,8:0.00} {figure.Cpu.TotalSeconds,8:0.00} {figure.Realtime,10:0.00}×");
        Console.WriteLine($"radio speed ours / by hand:     {ours.Realtime / raw.Realtime:0.000}  (goal ≥ 0.97)");
    }

    public static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    private static string Output(string folder) => Path.Combine(folder, "out-" + Guid.NewGuid().ToString("N")[..8]);

    private static async Task TranscodeAsync(string source, string output, ProgrammeKind kind, TranscodeOptions options)
    {
        var transcoder = new Transcoder(new FfprobeProber(), new FfmpegRunner(), Options.Create(options));
        var result = await transcoder.TranscodeAsync(new TranscodeRequest(source, output, kind));
        if (!result.Succeeded)
            throw new InvalidOperationException(result.Message + "\n" + string.Join('\n', result.StderrTail));
    }
}

/// <summary>Wall time and the CPU time of the child processes of one way of transcoding.</summary>
public sealed record Figure(string Name, TimeSpan Wall, TimeSpan Cpu, double MediaSeconds)
{
    public double Realtime => MediaSeconds / Wall.TotalSeconds;

    public static async Task<Figure> MeasureAsync(string name, double mediaSeconds, Func<Task> run)
    {
        Console.Write($"  {name} …");
        var cpu = ChildCpu.Read();
        var clock = Stopwatch.StartNew();
        await run();
        clock.Stop();
        var figure = new Figure(name, clock.Elapsed, ChildCpu.Read() - cpu, mediaSeconds);
        Console.WriteLine($" {figure.Wall.TotalSeconds:0.0} s");
        return figure;
    }
}

/// <summary>user+sys of every child process this process has waited for (cutime + cstime of /proc/self/stat).</summary>
public static class ChildCpu
{
    private const double TicksPerSecond = 100; // USER_HZ, 100 on Linux x86-64 and arm64

    public static TimeSpan Read()
    {
        var stat = File.ReadAllText("/proc/self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // Field 3 (state) is fields[0]; cutime and cstime are fields 16 and 17.
        return TimeSpan.FromSeconds((long.Parse(fields[13]) + long.Parse(fields[14])) / TicksPerSecond);
    }
}
