using Microsoft.Extensions.Options;

namespace Realtime.MediaWorker.Transcoding;

public static class TranscodingServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="Transcoder"/> with its prober and runner; options from section "Transcode", validated at
    /// start; tool paths from <see cref="WorkerSettings"/> (Worker:Ffmpeg, Worker:Ffprobe).
    /// </summary>
    public static IServiceCollection AddTranscoding(this IServiceCollection services)
    {
        services.AddOptions<TranscodeOptions>().BindConfiguration(TranscodeOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IMediaProber>(sp => new FfprobeProber(
            sp.GetRequiredService<IOptions<WorkerSettings>>().Value.Ffprobe,
            TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<TranscodeOptions>>().Value.ProbeTimeoutSeconds)));
        services.AddSingleton<IFfmpegRunner>(sp =>
            new FfmpegRunner(sp.GetRequiredService<IOptions<WorkerSettings>>().Value.Ffmpeg));
        services.AddSingleton<Transcoder>();
        return services;
    }
}
