using Realtime.MediaWorker.Transcoding;

namespace Realtime.MediaTests.Unit;

public sealed class MasterPlaylistTests
{
    // What ffmpeg 5.1 writes for a two-rung ladder with one audio group.
    private const string FromFfmpeg = """
        #EXTM3U
        #EXT-X-VERSION:7
        #EXT-X-INDEPENDENT-SEGMENTS
        #EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="group_aud",NAME="audio_0",DEFAULT=YES,URI="audio/index.m3u8"
        #EXT-X-STREAM-INF:BANDWIDTH=3220800,RESOLUTION=1280x720,CODECS="avc1.64001f,mp4a.40.2",AUDIO="group_aud"
        720p/index.m3u8

        #EXT-X-STREAM-INF:BANDWIDTH=1000000,RESOLUTION=640x360,CODECS="avc1.64001e,mp4a.40.2",AUDIO="group_aud"
        360p/index.m3u8

        """;

    private static readonly Dictionary<string, RenditionBitrate> Measured = new()
    {
        ["720p/index.m3u8"] = new(2_500_000, 2_000_000.4),
        ["360p/index.m3u8"] = new(900_000, 700_000),
        ["audio/index.m3u8"] = new(130_000, 128_000),
    };

    private static string Complete() => MasterPlaylist.Complete(FromFfmpeg, Measured, new Rational(30000, 1001), 2);

    [Fact]
    public void Complete_Variants_FrameRateWithThreeDecimals() =>
        Assert.Equal(2, Complete().Split('\n').Count(l => l.StartsWith("#EXT-X-STREAM-INF:", StringComparison.Ordinal) && l.Contains(",FRAME-RATE=29.970", StringComparison.Ordinal)));

    [Fact]
    public void Complete_Variants_MeasuredPeakAndAverageIncludingTheAudio()
    {
        var line = Complete().Split('\n').First(l => l.Contains("RESOLUTION=1280x720", StringComparison.Ordinal));

        Assert.Contains("BANDWIDTH=2630000,", line);
        Assert.Contains("AVERAGE-BANDWIDTH=2128001", line);
    }

    [Fact]
    public void Complete_AudioRendition_Channels() =>
        Assert.Contains("URI=\"audio/index.m3u8\",CHANNELS=\"2\"", Complete());

    [Fact]
    public void Complete_KeepsEverythingElse()
    {
        var completed = Complete();

        Assert.Contains("CODECS=\"avc1.64001f,mp4a.40.2\",AUDIO=\"group_aud\"", completed);
        Assert.Contains("\n720p/index.m3u8\n", completed);
        Assert.StartsWith("#EXTM3U\n#EXT-X-VERSION:7\n", completed);
    }

    [Fact]
    public void Complete_AudioOnlyRadio_NoFrameRateAndTheAudioCountedOnce()
    {
        const string radio = "#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-STREAM-INF:BANDWIDTH=105600,CODECS=\"mp4a.40.2\"\naudio/index.m3u8\n";

        var line = MasterPlaylist.Complete(radio, Measured, null, 2).Split('\n')[2];

        Assert.Equal("#EXT-X-STREAM-INF:BANDWIDTH=130000,CODECS=\"mp4a.40.2\",AVERAGE-BANDWIDTH=128000", line);
    }

    [Fact]
    public void SetAttribute_Existing_ReplacedInPlace() =>
        Assert.Equal("#EXT-X-STREAM-INF:BANDWIDTH=5,RESOLUTION=2x2",
            MasterPlaylist.SetAttribute("#EXT-X-STREAM-INF:BANDWIDTH=1,RESOLUTION=2x2", "BANDWIDTH", "5"));
}

public sealed class CommandLineTests
{
    /// <summary>The joined string, split again by .NET exactly as when FFMpegCore starts ffmpeg, gives the list back.</summary>
    [Fact]
    public async Task Join_ArgumentsWithSpacesQuotesAndBackslashes_ArriveUnchanged()
    {
        string[] arguments =
        [
            "-i", "file:/tmp/a folder/节目 录像.mp4", "v:0,agroup:aud,name:720p a:0,agroup:aud,name:audio",
            "[f=hls:hls_time=4]%v/index.m3u8|[f=mp4]download.mp4", "say \"hi\"", @"back\slash\", @"\\""quoted\\", "", "x",
        ];
        var start = new System.Diagnostics.ProcessStartInfo("/usr/bin/printf", CommandLine.Join(["%s\\0", .. arguments]))
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(arguments, output.Split('\0')[..^1]);
    }

    [Fact]
    public void Join_PlainArguments_Unquoted() =>
        Assert.Equal("-c:v libx264 -g 50", CommandLine.Join(["-c:v", "libx264", "-g", "50"]));
}
