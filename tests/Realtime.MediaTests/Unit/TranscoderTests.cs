using Microsoft.Extensions.Options;
using Realtime.MediaTests.Support;
using Realtime.MediaWorker.Transcoding;

namespace Realtime.MediaTests.Unit;

/// <summary>The orchestration with a fake prober and runner: order of steps, refusals, clean-up.</summary>
public sealed class TranscoderTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "transcoder-unit-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly string _input;
    private readonly string _output;

    public TranscoderTests()
    {
        Directory.CreateDirectory(_folder);
        _input = Path.Combine(_folder, "in.mp4");
        File.WriteAllText(_input, "not read by the fakes");
        _output = Path.Combine(_folder, "out");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Transcoder Transcoder(MediaProbe probe, IFfmpegRunner runner) =>
        new(new FakeProber(Samples.Report(probe)), runner, Options.Create(new TranscodeOptions()));

    private static MediaProbe Good => Samples.Probe(Samples.Video(1280, 720), Samples.Audio(), seconds: 60);

    [Fact]
    public async Task TranscodeAsync_VideoProgramme_LadderAndPicturesThenFilesWithContentTypes()
    {
        var runner = new FakeRunner();

        var result = await Transcoder(Good, runner).TranscodeAsync(new(_input, _output, ProgrammeKind.Video));

        Assert.Equal(TranscodeStatus.Succeeded, result.Status);
        Assert.Equal(2, runner.Requests.Count);
        Assert.Contains("libx264", runner.Requests[0].Arguments);
        Assert.Contains("tile=10x10", string.Join(" ", runner.Requests[1].Arguments));
        Assert.All(runner.Requests, r => Assert.Equal(Path.GetFullPath(_output), r.WorkingDirectory));
        Assert.Equal("application/vnd.apple.mpegurl", result.Files[0].ContentType);
        Assert.Contains(result.Files, f => f is { RelativePath: "storyboard/thumbnails.vtt", ContentType: "text/vtt" });
        Assert.StartsWith("WEBVTT", await File.ReadAllTextAsync(Path.Combine(_output, "storyboard/thumbnails.vtt")));
    }

    [Fact]
    public async Task TranscodeAsync_Radio_OneAudioRunOnly()
    {
        var runner = new FakeRunner();

        var result = await Transcoder(Samples.Probe(null, Samples.Audio()), runner).TranscodeAsync(new(_input, _output, ProgrammeKind.Radio));

        Assert.True(result.Succeeded, result.Message);
        var run = Assert.Single(runner.Requests);
        Assert.DoesNotContain("libx264", run.Arguments);
    }

    [Fact]
    public async Task TranscodeAsync_BadInput_RefusedWithoutStartingFfmpeg()
    {
        var runner = new FakeRunner();

        var result = await Transcoder(Samples.Probe(Samples.Video(1280, 720), null), runner).TranscodeAsync(new(_input, _output, ProgrammeKind.Video));

        Assert.Equal(TranscodeStatus.Refused, result.Status);
        Assert.Equal("no_audio", Assert.Single(result.Reasons).Code);
        Assert.Empty(runner.Requests);
        Assert.False(Directory.Exists(_output));
    }

    [Fact]
    public async Task TranscodeAsync_FfmpegFails_FailedWithReasonAndTailAndNothingLeftBehind()
    {
        var runner = new FakeRunner { FailOnRun = 1 };

        var result = await Transcoder(Good, runner).TranscodeAsync(new(_input, _output, ProgrammeKind.Video));

        Assert.Equal(TranscodeStatus.Failed, result.Status);
        Assert.Equal("disk_full", result.Reasons[0].Code);
        Assert.Equal(["No space left on device"], result.StderrTail);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_output));
    }

    [Fact]
    public async Task TranscodeAsync_PicturePassFails_ReplaySucceedsWithoutPosterOrStoryboard()
    {
        var runner = new FakeRunner { FailOnRun = 2 };

        var result = await Transcoder(Good, runner).TranscodeAsync(new(_input, _output, ProgrammeKind.Video));

        Assert.True(result.Succeeded, result.Message);
        Assert.Contains(result.Files, f => f.RelativePath == "720p/index.m3u8");
        Assert.DoesNotContain(result.Files, f => f.RelativePath.StartsWith("storyboard/", StringComparison.Ordinal) || f.RelativePath == "poster.jpg");
        Assert.Contains("No space left on device", result.StderrTail);
    }

    [Fact]
    public async Task TranscodeAsync_NoSpriteWritten_ReplaySucceedsWithoutStoryboard()
    {
        var runner = new FakeRunner { Skip = "storyboard/sprite-1.jpg" };

        var result = await Transcoder(Good, runner).TranscodeAsync(new(_input, _output, ProgrammeKind.Video));

        Assert.True(result.Succeeded, result.Message);
        Assert.False(File.Exists(Path.Combine(_output, "storyboard/thumbnails.vtt")));
        Assert.Contains(result.Files, f => f.RelativePath == "poster.jpg");
    }

    [Fact]
    public async Task TranscodeAsync_Succeeded_EventPlaylistsFinishedAsVod()
    {
        var result = await Transcoder(Good, new FakeRunner()).TranscodeAsync(new(_input, _output, ProgrammeKind.Video));

        Assert.True(result.Succeeded, result.Message);
        var playlist = await File.ReadAllTextAsync(Path.Combine(_output, "720p/index.m3u8"));
        Assert.Contains("#EXT-X-PLAYLIST-TYPE:VOD\n", playlist);
        Assert.DoesNotContain("EVENT", playlist);
        Assert.EndsWith("seg-00000.m4s\n#EXT-X-ENDLIST\n", playlist);
    }

    [Fact]
    public async Task TranscodeAsync_Cancelled_ThrowsAndNothingLeftBehind()
    {
        var runner = new FakeRunner { CancelOnRun = 2 };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Transcoder(Good, runner).TranscodeAsync(new(_input, _output, ProgrammeKind.Video)));

        Assert.Empty(Directory.EnumerateFileSystemEntries(_output));
    }

    [Fact]
    public async Task TranscodeAsync_FfmpegSucceedsButAPlaylistIsMissing_Failed()
    {
        var runner = new FakeRunner { Skip = "480p/index.m3u8" };

        var result = await Transcoder(Good, runner).TranscodeAsync(new(_input, _output, ProgrammeKind.Video));

        Assert.Equal("outputs_missing", result.Reasons[0].Code);
        Assert.Contains("480p/index.m3u8", result.Reasons[0].Message);
        Assert.NotEmpty(result.StderrTail);
    }

    [Fact]
    public async Task TranscodeAsync_MissingInput_FailedInputMissing()
    {
        var result = await Transcoder(Good, new FakeRunner())
            .TranscodeAsync(new(Path.Combine(_folder, "gone.mp4"), _output, ProgrammeKind.Video));

        Assert.Equal("input_missing", result.Reasons[0].Code);
    }

    [Fact]
    public async Task TranscodeAsync_OutputFolderNotEmpty_RefusesToTouchIt()
    {
        Directory.CreateDirectory(_output);
        await File.WriteAllTextAsync(Path.Combine(_output, "keep.txt"), "someone else's");

        await Assert.ThrowsAsync<InvalidOperationException>(
            () => Transcoder(Good, new FakeRunner()).TranscodeAsync(new(_input, _output, ProgrammeKind.Video)));
        Assert.True(File.Exists(Path.Combine(_output, "keep.txt")));
    }

    private sealed class FakeProber(ProbeReport report) : IMediaProber
    {
        public Task<ProbeReport> ProbeAsync(string path, CancellationToken cancellationToken) => Task.FromResult(report);
    }

    /// <summary>Writes the files a real run would (as empty files) and fails or is cancelled when told.</summary>
    private sealed class FakeRunner : IFfmpegRunner
    {
        public List<FfmpegRunRequest> Requests { get; } = [];

        public int FailOnRun { get; init; }

        public int CancelOnRun { get; init; }

        public string? Skip { get; init; }

        public Task<FfmpegRunResult> RunAsync(FfmpegRunRequest request, IProgress<TranscodeProgress>? progress,
            CancellationToken cancellationToken)
        {
            Requests.Add(request);
            string[] files = ["master.m3u8", "audio/index.m3u8", "audio/seg-00000.m4s", "720p/index.m3u8",
                "480p/index.m3u8", "360p/index.m3u8", "download.mp4", "download.m4a", "poster.jpg", "storyboard/sprite-1.jpg"];
            foreach (var file in files.Where(f => f != Skip))
            {
                var path = Path.Combine(request.WorkingDirectory, file);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, file.EndsWith("/index.m3u8", StringComparison.Ordinal)
                    ? "#EXTM3U\n#EXT-X-PLAYLIST-TYPE:EVENT\n#EXTINF:4.000000,\nseg-00000.m4s\n" : "");
            }
            if (Requests.Count == CancelOnRun)
                throw new OperationCanceledException();
            return Task.FromResult(Requests.Count == FailOnRun
                ? new FfmpegRunResult(false, 1, FfmpegFailures.Explain(1, ["No space left on device"]), ["No space left on device"])
                : new FfmpegRunResult(true, 0, null, ["[warning] a warning the ladder wrote"]));
        }
    }
}
