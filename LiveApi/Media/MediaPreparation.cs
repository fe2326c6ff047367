namespace Realtime.LiveApi.Media;

/// <summary>Creates the sources container and sets CORS on the blob service at start (browsers talk to storage directly).</summary>
public sealed class MediaPreparation(MediaStorage storage, ILogger<MediaPreparation> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await storage.PrepareAsync(stoppingToken);
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LiveApiLog.MediaPreparationFailed(logger, attempt, ex);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(attempt * 2, 30)), stoppingToken);
            }
        }
    }
}
