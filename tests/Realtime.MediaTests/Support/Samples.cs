using Realtime.MediaWorker.Transcoding;

namespace Realtime.MediaTests.Support;

/// <summary>Probes and options for unit tests, shaped like what ffprobe reports.</summary>
public static class Samples
{
    public static TranscodeOptions Options() => new();

    public static VideoStreamInfo Video(int width = 1920, int height = 1080, double fps = 25, long? bitRate = 8_000_000,
        int rotation = 0) =>
        new("h264", width, height, rotation, Rate(fps), bitRate, new Rational(1, 1), Interlaced: false);

    public static AudioStreamInfo Audio() => new("aac", 2, 48_000, 128_000);

    public static MediaProbe Probe(VideoStreamInfo? video, AudioStreamInfo? audio, double seconds = 600,
        long size = 600_000_000) =>
        new("mov,mp4,m4a,3gp,3g2,mj2", TimeSpan.FromSeconds(seconds), size, 8_128_000, video, audio);

    public static ProbeReport Report(MediaProbe probe) => new(probe.SizeBytes, probe, null, true, EndReadable: true);

    public static TranscodePlan VideoPlan(int width = 1920, int height = 1080, double fps = 25,
        TranscodeOptions? options = null) =>
        LadderPlanner.Plan(Probe(Video(width, height, fps), Audio()), ProgrammeKind.Video, options ?? Options());

    public static TranscodePlan RadioPlan() =>
        LadderPlanner.Plan(Probe(null, Audio()), ProgrammeKind.Radio, Options());

    private static Rational Rate(double fps) => Math.Abs(fps - 29.97) < 0.01 ? new Rational(30000, 1001)
        : Math.Abs(fps - 23.976) < 0.01 ? new Rational(24000, 1001)
        : new Rational((long)Math.Round(fps * 1000), 1000).Reduced();
}
