using Realtime.MediaTests.Support;
using Realtime.MediaWorker.Transcoding;

namespace Realtime.MediaTests.Integration;

/// <summary>Each kind of bad upload, made for real and probed by the real ffprobe: refused with its reason, no output.</summary>
[Collection(MediaCollection.Name)]
public sealed class BadInputTests(MediaFixture media)
{
    private async Task<TranscodeResult> Transcode(string input, ProgrammeKind kind = ProgrammeKind.Video)
    {
        var output = media.NewOutput(Path.GetFileNameWithoutExtension(input));
        var result = await MediaFixture.Transcoder().TranscodeAsync(new TranscodeRequest(input, output, kind));
        Assert.Equal(TranscodeStatus.Refused, result.Status);
        Assert.False(Directory.Exists(output), "a refused file must not leave an output folder");
        return result;
    }

    private static void AssertReason(TranscodeResult result, string code, string words)
    {
        var reason = Assert.Single(result.Reasons);
        Assert.Equal(code, reason.Code);
        Assert.Contains($"（{code}）", reason.Message);
        Assert.Contains(words, reason.Message);
    }

    [Fact]
    public async Task Transcode_ZeroByteFile_EmptyFile()
    {
        var path = media.Source("zero.mp4");
        await File.WriteAllBytesAsync(path, []);

        AssertReason(await Transcode(path), "empty_file", "文件是空的");
    }

    [Fact]
    public async Task Transcode_TextFileRenamedMp4_NotMedia()
    {
        var path = media.Source("notes.mp4");
        await File.WriteAllTextAsync(path, "节目安排：周三晚七点半直播。\nThis is not a video.\n");

        AssertReason(await Transcode(path), "not_media", "这不是音视频文件");
    }

    [Fact]
    public async Task Transcode_CameraMp4CutInHalf_Truncated()
    {
        var whole = await File.ReadAllBytesAsync(media.Landscape720);
        var path = media.Source("cut-in-half.mp4");
        await File.WriteAllBytesAsync(path, whole[..(whole.Length / 2)]);

        AssertReason(await Transcode(path), "truncated", "不完整");
    }

    [Fact]
    public async Task Transcode_FaststartMp4CutInHalf_TruncatedThoughItsIndexIsComplete()
    {
        var faststart = media.Source("faststart.mp4");
        await Tools.FfmpegAsync("-i", media.Landscape720, "-c", "copy", "-movflags", "+faststart", faststart);
        var whole = await File.ReadAllBytesAsync(faststart);
        var path = media.Source("faststart-cut-in-half.mp4");
        await File.WriteAllBytesAsync(path, whole[..(whole.Length / 2)]);

        AssertReason(await Transcode(path), "truncated", "不完整");
    }

    [Fact]
    public async Task Transcode_VideoWithoutSound_NoAudio()
    {
        var path = media.Source("silent.mp4");
        await MediaFixture.Clip(path, 320, 180, 25, 2, audio: false);

        AssertReason(await Transcode(path), "no_audio", "请上传带声音的录像");
    }

    [Fact]
    public async Task Transcode_Above4KSource_ResolutionTooHigh()
    {
        var path = media.Source("dci-plus.mp4");
        await MediaFixture.Clip(path, 4096, 2304, 10, 1.5, audio: true);

        AssertReason(await Transcode(path), "resolution_too_high", "4096×2304");
    }

    [Fact]
    public async Task Transcode_AudioFileForAVideoProgramme_NoVideo() =>
        AssertReason(await Transcode(media.RadioMp3), "no_video", "没有画面");

    [Fact]
    public async Task Transcode_FiveFramesPerSecond_FrameRate()
    {
        var path = media.Source("slideshow.mp4");
        await MediaFixture.Clip(path, 320, 180, 5, 2, audio: true);

        AssertReason(await Transcode(path), "frame_rate", "帧率 5 帧/秒");
    }

    [Fact]
    public async Task Transcode_AfterABadFile_TheSameTranscoderStillWorks()
    {
        var transcoder = MediaFixture.Transcoder();
        var empty = media.Source("empty-again.mp4");
        await File.WriteAllBytesAsync(empty, []);
        var refused = await transcoder.TranscodeAsync(new(empty, media.NewOutput("empty"), ProgrammeKind.Video));

        var good = await transcoder.TranscodeAsync(new(media.RadioMp3, media.NewOutput("after-bad"), ProgrammeKind.Radio));

        Assert.Equal(TranscodeStatus.Refused, refused.Status);
        Assert.True(good.Succeeded, good.Message);
    }
}
