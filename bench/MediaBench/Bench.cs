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

    public static async Task RunAsync(string folder, int width, int height, int seconds, int runs)
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

        // Each round runs every way once; (a) and (r) swap places every round, so neither always pays for a cold cache.
        var rounds = new List<IReadOnlyList<Figure>>();
        for (var round = 1; round <= runs; round++)
        {
            Console.WriteLine($"round {round}/{runs} (load average {LoadAverage()})");
            Task<Figure> Ours() => Figure.MeasureAsync("(a) ours: FFMpegCore, one process, decode once", media,
                () => TranscodeAsync(source, Output(folder), ProgrammeKind.Video, ladderOnly));
            Task<Figure> Raw() => Figure.MeasureAsync("(r) same ffmpeg arguments by hand", media,
                () => Ffmpeg.RunByHandAsync(VideoLadderArguments.Build(plan, source, ladderOnly), Output(folder)));
            var (a, r) = await InTurnAsync(round, Ours, Raw);
            rounds.Add(
            [
                a, r,
                await Figure.MeasureAsync("(b) one process per rung (PeerTube)", media, () => PerRung.RunAsync(plan, source, ladderOnly, Output(folder))),
                await Figure.MeasureAsync("(f) ours, full job (+MP4 +poster +sprites)", media,
                    () => TranscodeAsync(source, Output(folder), ProgrammeKind.Video, new TranscodeOptions())),
                await Figure.MeasureAsync("radio: ours, AAC 96k HLS + M4A", media,
                    () => TranscodeAsync(source, Output(folder), ProgrammeKind.Radio, new TranscodeOptions())),
                await Figure.MeasureAsync("radio: same arguments by hand", media,
                    () => Ffmpeg.RunByHandAsync(RadioArguments.Build(radioPlan, source), Output(folder))),
            ]);
        }

        Console.WriteLine($"\nmedian of {runs} (spread min–max)");
        Console.WriteLine($"{"",-48} {"wall s",18} {"CPU s",18} {"× realtime",8}");
        for (var i = 0; i < rounds[0].Count; i++)
        {
            var figures = rounds.Select(r => r[i]).ToList();
            Console.WriteLine($"{figures[0].Name,-48} {Spread(figures.Select(f => f.Wall.TotalSeconds)),18} "
                + $"{Spread(figures.Select(f => f.Cpu.TotalSeconds)),18} {Median(figures.Select(f => f.Realtime)),7:0.00}×");
        }
        // Ratios within each round (the same machine load for both), then their median.
        string Ratio(Func<IReadOnlyList<Figure>, double> of) => Spread(rounds.Select(of), "0.000");
        Console.WriteLine($"wall ours / by hand:            {Ratio(r => r[0].Wall / r[1].Wall)}  (goal ≤ 1.03)");
        Console.WriteLine($"speed ours / by hand:           {Ratio(r => r[0].Realtime / r[1].Realtime)}  (goal ≥ 0.97)");
        Console.WriteLine($"CPU ours / per-rung (a/b):      {Ratio(r => r[0].Cpu / r[2].Cpu)}  (goal ≤ 0.75)");
        Console.WriteLine($"radio speed ours / by hand:     {Ratio(r => r[4].Realtime / r[5].Realtime)}  (ours includes the ffprobe runs)");
        Console.WriteLine($"load average now: {LoadAverage()} (figures from a busy machine are not comparable)");
    }

    /// <summary>Both measured, the first one first in odd rounds and second in even ones.</summary>
    private static async Task<(Figure First, Figure Second)> InTurnAsync(int round, Func<Task<Figure>> first, Func<Task<Figure>> second)
    {
        if (round % 2 == 1)
        {
            var a = await first();
            return (a, await second());
        }
        var b = await second();
        return (await first(), b);
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>"29.20 (28.9–30.1)": the median and the range.</summary>
    public static string Spread(IEnumerable<double> values, string format = "0.00")
    {
        var list = values.ToList();
        return $"{Median(list).ToString(format, System.Globalization.CultureInfo.InvariantCulture)} "
            + $"({list.Min().ToString(format, System.Globalization.CultureInfo.InvariantCulture)}–{list.Max().ToString(format, System.Globalization.CultureInfo.InvariantCulture)})";
    }

    /// <summary>The radio path on a long audio-only recording, where the fixed cost of probing no longer shows.</summary>
    public static async Task RunRadioAsync(string folder, int seconds, int runs)
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
        // Rounds in alternating order, medians reported: a run of half a minute is at the mercy of whatever else this
        // shared machine does, and whichever goes first pays for the cold cache.
        Task<Figure> Ours() => Figure.MeasureAsync("radio: ours, AAC 96k HLS + M4A", media,
            () => TranscodeAsync(source, Output(folder), ProgrammeKind.Radio, new TranscodeOptions()));
        Task<Figure> Raw() => Figure.MeasureAsync("radio: same arguments by hand", media,
            () => Ffmpeg.RunByHandAsync(RadioArguments.Build(plan, source), Output(folder)));
        var pairs = new List<(Figure Ours, Figure Raw)>();
        for (var round = 1; round <= runs; round++)
            pairs.Add(await InTurnAsync(round, Ours, Raw));
        Console.WriteLine($"radio wall ours: {Spread(pairs.Select(p => p.Ours.Wall.TotalSeconds))} s, by hand: {Spread(pairs.Select(p => p.Raw.Wall.TotalSeconds))} s");
        Console.WriteLine($"radio speed ours / by hand:     {Spread(pairs.Select(p => p.Ours.Realtime / p.Raw.Realtime), "0.000")}  (goal ≥ 0.97)");
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
