using System.ComponentModel.DataAnnotations;
using System.Text;
using Realtime.MediaWorker.Transcoding;

namespace Realtime.MediaTests.Unit;

public sealed class MediaSignatureTests
{
    [Theory]
    [InlineData("00000020667479706973")] // ....ftypis (MP4/MOV)
    [InlineData("1A45DFA39F4286810142")] // Matroska
    [InlineData("494433030000000000")] // ID3 (MP3)
    [InlineData("52494646244E0000574156")] // RIFF (WAV)
    [InlineData("FFFB9064")] // MPEG audio frame
    public void LooksLikeMedia_KnownContainers_True(string hex) =>
        Assert.True(MediaSignature.LooksLikeMedia(Convert.FromHexString(hex)));

    [Fact]
    public void LooksLikeMedia_TransportStream_True()
    {
        var ts = new byte[400];
        ts[0] = ts[188] = 0x47;

        Assert.True(MediaSignature.LooksLikeMedia(ts));
    }

    [Theory]
    [InlineData("hello this is text, 你好")]
    [InlineData("%PDF-1.7")]
    [InlineData("")]
    public void LooksLikeMedia_Documents_False(string text) =>
        Assert.False(MediaSignature.LooksLikeMedia(Encoding.UTF8.GetBytes(text)));
}

public sealed class FfmpegFailuresTests
{
    [Fact]
    public void Explain_DiskFull_SaysToCleanTheDisk()
    {
        var reason = FfmpegFailures.Explain(1, ["[hls @ 0x1] Failed to write", "Error writing trailer: No space left on device"]);

        Assert.Equal("disk_full", reason.Code);
        Assert.Contains("磁盘已满", reason.Message);
    }

    [Fact]
    public void Explain_UnknownError_QuotesTheLastLineAndExitCode()
    {
        var reason = FfmpegFailures.Explain(234, ["Something odd happened"]);

        Assert.Equal("ffmpeg_failed", reason.Code);
        Assert.Contains("退出码 234", reason.Message);
        Assert.Contains("Something odd happened", reason.Message);
    }

    [Fact]
    public void Explain_KilledWithoutOutput_Killed() => Assert.Equal("killed", FfmpegFailures.Explain(137, []).Code);

    [Fact]
    public void Stalled_SaysHowLong() => Assert.Contains("60 秒", FfmpegFailures.Stalled(TimeSpan.FromSeconds(60)).Message);
}

public sealed class OutputCatalogTests
{
    [Theory]
    [InlineData("master.m3u8", "application/vnd.apple.mpegurl")]
    [InlineData("720p/index.m3u8", "application/vnd.apple.mpegurl")]
    [InlineData("720p/init_0.mp4", "video/mp4")]
    [InlineData("720p/seg-00001.m4s", "video/mp4")]
    [InlineData("audio/init_3.mp4", "audio/mp4")]
    [InlineData("audio/seg-00001.m4s", "audio/mp4")]
    [InlineData("download.mp4", "video/mp4")]
    [InlineData("download.m4a", "audio/mp4")]
    [InlineData("poster.jpg", "image/jpeg")]
    [InlineData("storyboard/sprite-1.jpg", "image/jpeg")]
    [InlineData("storyboard/thumbnails.vtt", "text/vtt")]
    public void ContentType_EachOutput_WhatPlayersExpect(string path, string contentType) =>
        Assert.Equal(contentType, OutputCatalog.ContentType(path));
}

public sealed class TranscodeOptionsTests
{
    private static List<ValidationResult> Validate(TranscodeOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }

    [Fact]
    public void Validate_Defaults_Valid() => Assert.Empty(Validate(new TranscodeOptions()));

    [Fact]
    public void Validate_UnknownPreset_Invalid() =>
        Assert.Contains(Validate(new TranscodeOptions { X264Preset = "turbo" }), r => r.MemberNames.Contains("X264Preset"));

    [Fact]
    public void Validate_SegmentsOutside4To6Seconds_Invalid() =>
        Assert.Contains(Validate(new TranscodeOptions { SegmentSeconds = 10 }), r => r.MemberNames.Contains("SegmentSeconds"));

    [Fact]
    public void Validate_KeyframesFurtherApartThanSegments_Invalid() =>
        Assert.Contains(Validate(new TranscodeOptions { KeyframeIntervalSeconds = 6, SegmentSeconds = 4 }),
            r => r.MemberNames.Contains("KeyframeIntervalSeconds"));
}

public sealed class ToolMissingTests
{
    [Fact]
    public async Task RunAsync_FfmpegNotInstalled_ThrowsWithTheInstallCommand()
    {
        var runner = new FfmpegRunner("ffmpeg-that-is-not-installed");

        var error = await Assert.ThrowsAsync<ToolMissingException>(() => runner.RunAsync(
            new FfmpegRunRequest(["-version"], Path.GetTempPath(), null, TimeSpan.FromSeconds(5)), null, CancellationToken.None));

        Assert.Contains("apt-get install -y ffmpeg", error.Message);
        Assert.Contains("./realtime setup", error.Message);
    }

    [Fact]
    public async Task ProbeAsync_FfprobeNotInstalled_ThrowsWithTheInstallCommand()
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, "x");
            var error = await Assert.ThrowsAsync<ToolMissingException>(
                () => new FfprobeProber("ffprobe-that-is-not-installed").ProbeAsync(file, CancellationToken.None));
            Assert.Contains("apt-get install -y ffmpeg", error.Message);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
