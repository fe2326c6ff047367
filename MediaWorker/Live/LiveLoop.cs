using System.Net;
using System.Net.Sockets;
using Grpc.Core;
using Realtime.Live.Grpc;
using Realtime.MediaWorker.Transcoding;

namespace Realtime.MediaWorker.Live;

/// <summary>
/// One live slot of this worker: finds a free UDP port, asks LiveApi for an open stream waiting for a worker (telling it
/// where the encoder must send), and runs it until the programme ends or the lease is lost.
/// </summary>
public sealed class LiveLoop(LiveStreams.LiveStreamsClient client, Metadata auth, LiveSettings settings, string workerId, string ffmpeg,
    IMediaProber prober, ILogger logger)
{
    private static readonly Lock Ports = new();
    private static readonly HashSet<int> Taken = [];

    public async Task RunAsync(string workFolder, int pollSeconds, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var port = TakePort();
            try
            {
                LiveLease? lease = null;
                if (port is not null)
                {
                    try
                    {
                        lease = (await client.LeaseAsync(new LiveLeaseRequest { WorkerId = workerId, Address = $"{settings.PublicHost}:{port}" }, auth,
                            cancellationToken: stoppingToken)).Stream;
                    }
                    catch (RpcException ex) when (!stoppingToken.IsCancellationRequested)
                    {
                        LiveLog.CallFailed(logger, $"{ex.Status.StatusCode} {ex.Status.Detail}");
                    }
                }
                if (lease is null)
                {
                    await Task.Delay(TimeSpan.FromSeconds(pollSeconds), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                    continue;
                }
                LiveLog.Leased(logger, lease.ProgrammeId, lease.Run, $"{settings.PublicHost}:{port}");
                var url = $"srt://{settings.ListenAddress}:{port}?mode=listener&passphrase={lease.Passphrase}&pbkeylen=16";
                await new LiveSession(client, auth, settings, workerId, ffmpeg, prober, logger).RunAsync(lease, url, workFolder, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            finally
            {
                if (port is { } p)
                    lock (Ports)
                        Taken.Remove(p);
            }
        }
    }

    /// <summary>A port in the range that no slot of this worker holds and that nothing else has bound; null when none.</summary>
    private int? TakePort()
    {
        lock (Ports)
        {
            var span = settings.PortTo - settings.PortFrom + 1;
            var start = Random.Shared.Next(span);
            for (var i = 0; i < span; i++)
            {
                var port = settings.PortFrom + (start + i) % span;
                if (Taken.Contains(port) || !Free(port))
                    continue;
                Taken.Add(port);
                return port;
            }
            return null;
        }
    }

    private bool Free(int port)
    {
        try
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            socket.Bind(new IPEndPoint(IPAddress.Parse(settings.ListenAddress), port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
