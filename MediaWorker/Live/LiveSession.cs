using Azure;
using Azure.Storage.Blobs;
using Grpc.Core;
using Realtime.Live.Grpc;
using Realtime.MediaWorker.Transcoding;

namespace Realtime.MediaWorker.Live;

/// <summary>
/// One leased live stream, from the lease to the end of the programme: listens for the encoder again after every drop
/// (each connection continues the same playlists after a discontinuity), publishes segments as they are made, reports
/// health every few seconds (which renews the lease and the SAS), and when LiveApi answers "finish" closes the
/// playlists, hands over the replay, then remuxes the download. "stop" (the lease was lost) ends it at once.
/// </summary>
public sealed class LiveSession(LiveStreams.LiveStreamsClient client, Metadata auth, LiveSettings settings, string workerId, string ffmpeg,
    IMediaProber prober, ILogger logger)
{
    private enum Outcome { Running, Finish, Stop }

    private readonly LiveHealthState _health = new();
    private readonly SemaphoreSlim _publishing = new(1);
    private volatile LiveIngest? _current;
    private volatile int _outcome = (int)Outcome.Running;

    public async Task RunAsync(LiveLease lease, string listenUrl, string workFolder, CancellationToken stoppingToken)
    {
        var builder = new BlobUriBuilder(new Uri(lease.ContainerUrl));
        var sas = new AzureSasCredential(builder.Sas.ToString());
        builder.Sas = null;
        var container = new BlobContainerClient(builder.ToUri(), sas);
        var radio = lease.Kind == "Radio";
        var folder = Path.Combine(workFolder, $"live-{lease.ProgrammeId}-{lease.Run}");
        var publisher = new LivePlaylistPublisher(container, _health, settings.SegmentSeconds, (playlist, offset, text) => AnnounceAsync(lease, playlist, offset, text));
        await publisher.LoadAsync(stoppingToken);
        using var session = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var reporting = ReportLoopAsync(lease, sas, session);
        var publishing = PublishLoopAsync(publisher, session.Token);
        for (var connection = 0; !session.IsCancellationRequested; connection++)
        {
            _health.Listening(DateTimeOffset.UtcNow);
            var ingest = new LiveIngest(ffmpeg, prober, settings, _health, logger) { Folder = Path.Combine(folder, $"r{lease.Run}-{connection}") };
            publisher.StartRun(ingest.Folder, $"r{lease.Run}-{connection}", () => ingest.FirstByteAt);
            _current = ingest;
            LiveLog.Listening(logger, lease.ProgrammeId, connection);
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            try
            {
                await ingest.RunAsync(listenUrl, radio, publisher.Rungs, session.Token);
            }
            catch (Exception ex) when (ex is IOException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                LiveLog.EncodeFailed(logger, ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None);
            }
            LiveLog.ConnectionClosed(logger, lease.ProgrammeId, connection, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
            await PublishOnceAsync(publisher, CancellationToken.None); // the last segments of this connection
        }
        await session.CancelAsync();
        await Task.WhenAll(reporting, publishing);
        if ((Outcome)_outcome == Outcome.Finish)
            await FinishAsync(lease, container, publisher, radio, folder);
        LiveLog.Ended(logger, lease.ProgrammeId, ((Outcome)_outcome).ToString());
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }

    private async Task FinishAsync(LiveLease lease, BlobContainerClient container, LivePlaylistPublisher publisher, bool radio, string folder)
    {
        var request = new LiveFinish { ProgrammeId = lease.ProgrammeId, WorkerId = workerId };
        string? top = null;
        if (publisher.HasMaster && publisher.Rungs is [var first, ..])
        {
            await publisher.CloseAsync(CancellationToken.None);
            top = await publisher.ReadAsync(first.Name + ".m3u8", CancellationToken.None) ?? "";
            var segments = LivePlaylistText.Segments(top);
            request.MasterPath = LiveLadder.MasterPlaylist;
            request.DurationSeconds = segments.Sum(s => s.Seconds);
            request.StartsAtUnixMs = segments.Select(s => s.At).FirstOrDefault(a => a is not null)?.ToUnixTimeMilliseconds() ?? 0;
            request.Renditions.AddRange(publisher.Rungs.Select(r => new LiveRendition { Name = r.Name, Width = r.Width, Height = r.Height, BitrateKbps = r.VideoKbps + LiveRung.AudioKbps }));
        }
        if (!await CallAsync(() => client.FinishAsync(request, auth).ResponseAsync) || top is null)
            return;
        try
        {
            request.DownloadPath = await LiveReplay.RemuxAsync(container, ffmpeg, top, radio, folder,
                uri => Path.Combine(folder, uri), CancellationToken.None);
            await CallAsync(() => client.FinishAsync(request, auth).ResponseAsync);
        }
        catch (Exception ex) when (ex is IOException or RequestFailedException)
        {
            LiveLog.DownloadFailed(logger, ex.Message);
        }
    }

    private async Task ReportLoopAsync(LiveLease lease, AzureSasCredential sas, CancellationTokenSource session)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(settings.ReportSeconds));
        try
        {
            do
            {
                var reply = await ReportAsync(lease);
                if (reply is null)
                    continue;
                if (!string.IsNullOrEmpty(reply.ContainerUrl))
                    sas.Update(new BlobUriBuilder(new Uri(reply.ContainerUrl)).Sas.ToString());
                if (reply.Control is "finish" or "stop")
                {
                    _outcome = reply.Control == "finish" ? (int)Outcome.Finish : (int)Outcome.Stop;
                    await session.CancelAsync();
                    return;
                }
            }
            while (await timer.WaitForNextTickAsync(session.Token));
        }
        catch (OperationCanceledException) { } // the session ended (programme over, lease lost or worker stopping)
    }

    private async Task<LiveReply?> ReportAsync(LiveLease lease)
    {
        var now = DateTimeOffset.UtcNow;
        var idle = (now - _health.LastInputAt).TotalSeconds;
        if (!_health.Connected && idle >= settings.NoInputSeconds && _health.Problem is null or { Code: "no_input" })
            _health.Problem = ("no_input", $"已经 {Math.Round(idle)} 秒没有收到推流：请检查编码器的地址、密码和网络。");
        var input = _health.Input;
        var report = new LiveReport
        {
            ProgrammeId = lease.ProgrammeId, WorkerId = workerId, Connected = _health.Connected,
            VideoCodec = input?.Video?.Codec ?? "", Width = input?.Video?.DisplayWidth ?? 0, Height = input?.Video?.DisplayHeight ?? 0,
            FrameRate = input?.Video?.FrameRate.Value ?? 0, AudioCodec = input?.Audio?.Codec ?? "", AudioChannels = input?.Audio?.Channels ?? 0,
            AudioSampleRate = input?.Audio?.SampleRate ?? 0, InputKbps = _health.InputKbps ?? 0, DroppedFrames = _health.DroppedFrames,
            Speed = _health.Speed ?? 0, LastSegmentUnixMs = _health.LastSegmentAt?.ToUnixTimeMilliseconds() ?? 0, Segments = _health.Segments,
            ProblemCode = _health.Problem?.Code ?? "", ProblemMessage = _health.Problem?.Message ?? "", Playable = _health.Playable,
        };
        LiveReply? reply = null;
        await CallAsync(async () => reply = await client.ReportAsync(report, auth));
        return reply;
    }

    private async Task PublishLoopAsync(LivePlaylistPublisher publisher, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
                await PublishOnceAsync(publisher, cancellationToken);
        }
        catch (OperationCanceledException) { }
    }

    private async Task PublishOnceAsync(LivePlaylistPublisher publisher, CancellationToken cancellationToken)
    {
        await _publishing.WaitAsync(cancellationToken);
        try
        {
            if (_current?.Rungs is { } rungs)
                publisher.Adopt(rungs);
            await publisher.PublishAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or RequestFailedException)
        {
            LiveLog.PublishFailed(logger, ex.Message);
        }
        finally
        {
            _publishing.Release();
        }
    }

    private async Task AnnounceAsync(LiveLease lease, string playlist, long offset, string text)
    {
        LiveReply? reply = null;
        await CallAsync(async () => reply = await client.AppendAsync(
            new LiveAppend { ProgrammeId = lease.ProgrammeId, WorkerId = workerId, Playlist = playlist, Offset = offset, Text = text }, auth));
        if (reply?.Control == "stop")
            _outcome = (int)Outcome.Stop;
    }

    private async Task<bool> CallAsync(Func<Task> call)
    {
        try
        {
            await call();
            return true;
        }
        catch (RpcException ex)
        {
            LiveLog.CallFailed(logger, $"{ex.Status.StatusCode} {ex.Status.Detail}");
            return false;
        }
    }
}
