using Realtime.MediaWorker.Tools;
using Realtime.MediaWorker.Transcoding;

namespace Realtime.MediaTests.Support;

/// <summary>
/// The real ffmpeg and a folder of clips made with its test sources (testsrc2 + sine). Fails every test of the
/// collection, with the command that fixes it, when ffmpeg is not installed.
/// </summary>
public sealed class MediaFixture : IAsyncLifetime
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "realtime-media-" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>12 s, 1280x720 at 25 fps with a tone; the index (moov) at the end, as cameras write it.</summary>
    public string Landscape720 => Source("landscape-720p25.mp4");

    /// <summary>12 s, 640x360 at 30 fps.</summary>
    public string Small360 => Source("small-360p30.mp4");

    /// <summary>12 s MP3 with cover art, like a radio studio's export.</summary>
    public string RadioMp3 => Source("radio-with-cover.mp3");

    private readonly Lazy<Task<Transcoded>> _landscape;
    private readonly Lazy<Task<Transcoded>> _small;
    private readonly Lazy<Task<Transcoded>> _radio;

    public MediaFixture()
    {
        _landscape = new(() => TranscodeAsync(Landscape720, ProgrammeKind.Video));
        _small = new(() => TranscodeAsync(Small360, ProgrammeKind.Video));
        _radio = new(() => TranscodeAsync(RadioMp3, ProgrammeKind.Radio));
    }

    /// <summary>The 720p clip through the whole pipeline, once for all the tests that look at it.</summary>
    public Task<Transcoded> Landscape720Transcoded => _landscape.Value;

    public Task<Transcoded> Small360Transcoded => _small.Value;

    public Task<Transcoded> RadioTranscoded => _radio.Value;

    public async Task InitializeAsync()
    {
        if (await ToolVersion.ReadAsync("ffmpeg", CancellationToken.None) is null
            || await ToolVersion.ReadAsync("ffprobe", CancellationToken.None) is null)
            throw new InvalidOperationException(Tools.Missing);
        Directory.CreateDirectory(Folder);
        await Task.WhenAll(
            Clip(Landscape720, 1280, 720, 25, 12, audio: true),
            Clip(Small360, 640, 360, 30, 12, audio: true),
            Tools.FfmpegAsync("-f", "lavfi", "-i", "testsrc2=size=320x320:duration=1", "-f", "lavfi", "-i",
                "sine=frequency=300:sample_rate=44100:duration=12", "-map", "1:a", "-map", "0:v", "-frames:v", "1",
                "-c:a", "libmp3lame", "-b:a", "128k", "-c:v", "png", "-disposition:v", "attached_pic", RadioMp3));
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }

    private async Task<Transcoded> TranscodeAsync(string source, ProgrammeKind kind)
    {
        var output = NewOutput(Path.GetFileNameWithoutExtension(source));
        var reports = new ProgressLog();
        var result = await Transcoder().TranscodeAsync(new TranscodeRequest(source, output, kind), reports);
        return new Transcoded(result, output, reports.Reports);
    }

    public string Source(string name) => Path.Combine(Folder, name);

    /// <summary>A fresh, not yet existing output folder.</summary>
    public string NewOutput(string name) => Path.Combine(Folder, "out-" + name + "-" + Guid.NewGuid().ToString("N")[..6]);

    /// <summary>A test-source clip; fast encoder settings.</summary>
    public static Task Clip(string path, int width, int height, double fps, double seconds, bool audio,
        params string[] extra)
    {
        var size = $"{width}x{height}";
        var rate = FfmpegSyntax.Number(fps);
        var length = FfmpegSyntax.Number(seconds);
        string[] input = ["-f", "lavfi", "-i", $"testsrc2=size={size}:rate={rate}:duration={length}"];
        if (audio)
            input = [.. input, "-f", "lavfi", "-i", $"sine=frequency=440:sample_rate=48000:duration={length}"];
        return Tools.FfmpegAsync([.. input, "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
            .. audio ? new[] { "-c:a", "aac" } : [], .. extra, path]);
    }

    public static Transcoder Transcoder(TranscodeOptions? options = null) =>
        new(new FfprobeProber(), new FfmpegRunner(), Microsoft.Extensions.Options.Options.Create(options ?? TestOptions()));

    /// <summary>Defaults, with a thumbnail every 2 s so a 12 s clip has several.</summary>
    public static TranscodeOptions TestOptions() => new() { StoryboardIntervalSeconds = 2 };
}

/// <summary>A finished job: its result, its output folder and every progress report it made.</summary>
public sealed record Transcoded(TranscodeResult Result, string Output, IReadOnlyList<TranscodeProgress> Progress)
{
    public string File(string relative) => Path.Combine(Output, relative);

    public string Text(string relative) => System.IO.File.ReadAllText(File(relative));
}

/// <summary>Keeps progress reports as they come (synchronously, unlike <see cref="Progress{T}"/>).</summary>
public sealed class ProgressLog(Action<TranscodeProgress>? onReport = null) : IProgress<TranscodeProgress>
{
    private readonly List<TranscodeProgress> _reports = [];

    public IReadOnlyList<TranscodeProgress> Reports
    {
        get
        {
            lock (_reports)
                return [.. _reports];
        }
    }

    public void Report(TranscodeProgress value)
    {
        lock (_reports)
            _reports.Add(value);
        onReport?.Invoke(value);
    }
}

[CollectionDefinition(Name)]
public sealed class MediaCollection : ICollectionFixture<MediaFixture>
{
    /// <summary>Tests that run ffmpeg share the clips and run one after another (2 cores).</summary>
    public const string Name = "ffmpeg";
}
