using Microsoft.Extensions.Options;

namespace Realtime.MediaWorker.Tools;

/// <summary>Checks ffmpeg and ffprobe before the worker reports ready; stops the worker with the fix when missing.</summary>
public sealed class ToolCheckService(
    IOptions<WorkerSettings> settings,
    ILogger<ToolCheckService> logger) : IHostedService
{
    public bool Ready { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var tool in new[] { settings.Value.Ffmpeg, settings.Value.Ffprobe })
        {
            var version = await ToolVersion.ReadAsync(tool, cancellationToken);
            if (version is null)
            {
                WorkerLog.ToolMissing(logger, tool);
                throw new InvalidOperationException(
                    $"'{tool}' cannot be run: install ffmpeg (`sudo apt-get install -y ffmpeg` or `./realtime setup`).");
            }
            WorkerLog.ToolFound(logger, tool, version);
        }
        Ready = true;
        WorkerLog.Ready(logger);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
