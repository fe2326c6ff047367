using System.Diagnostics;
using Realtime.MediaWorker.Transcoding;

namespace Realtime.MediaWorker.Live;

/// <summary>
/// One connection of the studio encoder: a receiving ffmpeg listens on SRT with the stream's passphrase and copies what
/// arrives to its stdout; the first seconds are probed (is there video? audio? a codec we can decode?), then the
/// encoding ffmpeg (<see cref="LiveLadder"/>) reads the same bytes from its stdin and writes the ladder into
/// <see cref="Folder"/>. It returns when the encoder disconnects (ffmpeg then finishes the last segment) or when
/// cancelled. Both processes work inside the worker's scratch folder, so the orphan guard kills them with the worker.
/// </summary>
public sealed class LiveIngest(string ffmpeg, IMediaProber prober, LiveSettings settings, LiveHealthState health, ILogger logger)
{
    private const int ProbeBytes = 2 << 20;
    private static readonly TimeSpan ProbeTime = TimeSpan.FromSeconds(1.5);

    /// <summary>The rungs this connection encoded (decided from the input unless the stream already has a ladder).</summary>
    public IReadOnlyList<LiveRung>? Rungs { get; private set; }

    public required string Folder { get; init; }

    /// <summary>When this connection's first bytes arrived: the ingest clock's time of the connection's first frame.</summary>
    public DateTimeOffset? FirstByteAt { get; private set; }

    /// <summary>Runs one connection. <paramref name="rungs"/>: the stream's ladder when it has one already.</summary>
    public async Task RunAsync(string listenUrl, bool radio, IReadOnlyList<LiveRung>? rungs, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        // Pass packets on at once: by default ffmpeg holds the input for up to 5 s of stream analysis (all of it, for
        // sound only) and the muxer buffers its output — seconds of delay, and a short push would reach us only at its end.
        using var receiver = Start(["-hide_banner", "-nostdin", "-loglevel", "warning", "-fflags", "nobuffer", "-analyzeduration", "1000000",
            "-i", listenUrl, "-map", "0:v?", "-map", "0:a?", "-c", "copy", "-flush_packets", "1", "-muxdelay", "0", "-f", "mpegts", "pipe:1"], redirectInput: false);
        _ = WatchReceiverAsync(receiver);
        using var kill = cancellationToken.Register(() => TryKill(receiver));
        var input = receiver.StandardOutput.BaseStream;
        var buffer = new byte[64 * 1024];
        using var head = new MemoryStream();
        var started = (DateTimeOffset?)null;
        while (head.Length < ProbeBytes && (started is null || DateTimeOffset.UtcNow - started < ProbeTime))
        {
            var read = await input.ReadAsync(buffer, CancellationToken.None);
            if (read == 0)
                return; // the encoder left (or we were cancelled) before anything could be encoded
            started ??= DateTimeOffset.UtcNow;
            FirstByteAt ??= started;
            health.Received(read, DateTimeOffset.UtcNow);
            head.Write(buffer, 0, read);
        }
        var headPath = Path.Combine(Folder, "head.ts");
        await File.WriteAllBytesAsync(headPath, head.ToArray(), CancellationToken.None);
        var probe = (await prober.ProbeAsync(headPath, CancellationToken.None)).Probe;
        var refusal = Refusal(probe, radio);
        LiveLog.Probed(logger, head.Length, probe?.Video is { } v ? $"{v.Codec} {v.Width}x{v.Height}" : "none",
            probe?.Audio is { } a ? $"{a.Codec} {a.Channels} ch" : "none", refusal?.Code ?? "no");
        if (refusal is not null)
        {
            health.Problem = refusal;
            TryKill(receiver);
            return;
        }
        health.Probed(probe!);
        health.Problem = radio && probe!.Video is not null
            ? ("video_ignored", "这是广播节目：推流里的画面被忽略，只播出声音。") : null;
        Rungs = rungs ?? LiveLadder.Plan(radio, probe!.Video, settings);
        foreach (var rung in Rungs)
            Directory.CreateDirectory(Path.Combine(Folder, rung.Name));
        using var encoder = Start(LiveLadder.Arguments(Rungs, probe!.Video?.FrameRate.Value ?? 0, settings), redirectInput: true);
        var progress = WatchProgressAsync(encoder);
        var errors = new Queue<string>();
        var stderr = DrainAsync(encoder.StandardError, line => { if (errors.Count == 20) errors.Dequeue(); errors.Enqueue(line); });
        try
        {
            var output = encoder.StandardInput.BaseStream;
            await output.WriteAsync(head.ToArray(), CancellationToken.None);
            int n;
            while ((n = await input.ReadAsync(buffer, CancellationToken.None)) > 0)
            {
                health.Received(n, DateTimeOffset.UtcNow);
                await output.WriteAsync(buffer.AsMemory(0, n), CancellationToken.None);
            }
        }
        catch (IOException)
        {
            // The encoder exited early: its error is reported below.
        }
        finally
        {
            try { encoder.StandardInput.Close(); } catch (IOException) { }
        }
        // End of input: ffmpeg writes the last segment and exits.
        if (!encoder.WaitForExit(TimeSpan.FromSeconds(15)))
            TryKill(encoder);
        await Task.WhenAll(progress, stderr);
        health.Disconnected();
        if (encoder.ExitCode != 0 && !cancellationToken.IsCancellationRequested)
        {
            var last = errors.LastOrDefault() ?? $"exit code {encoder.ExitCode}";
            LiveLog.EncodeFailed(logger, last);
            health.Problem = ("encode_failed", $"直播转码出错，正在等待编码器重新连接：{Sentence(last)}");
        }
    }

    /// <summary>Why this input cannot go on air, in the admin's words; null when it can.</summary>
    public static (string Code, string Message)? Refusal(MediaProbe? probe, bool radio)
    {
        if (probe is null)
            return ("unsupported_input", "收到的推流无法识别：请把编码器设置为 MPEG-TS 封装、H.264 视频和 AAC 音频。");
        if (probe.Audio is null)
            return ("no_audio", "推流里没有声音：请检查编码器的音频输入。");
        if (!radio && probe.Video is null)
            return ("no_video", "这是视频节目，但推流里只有声音没有画面：请检查编码器的视频输入。");
        if (!radio && probe.Video is { Width: <= 0 } or { Height: <= 0 })
            return ("unsupported_codec", $"推流的视频编码“{probe.Video!.Codec}”无法解码：请使用 H.264。");
        return null;
    }

    private Process Start(IReadOnlyList<string> arguments, bool redirectInput)
    {
        var info = new ProcessStartInfo(ffmpeg)
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectInput,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        return Process.Start(info) ?? throw new InvalidOperationException("ffmpeg did not start.");
    }

    /// <summary>libsrt logs a refused caller on stderr: an encoder with the wrong passphrase is worth telling the admin.</summary>
    private Task WatchReceiverAsync(Process receiver) => DrainAsync(receiver.StandardError, line =>
    {
        if (line.Contains("Incorrect passphrase", StringComparison.OrdinalIgnoreCase) || line.Contains("BADSECRET", StringComparison.Ordinal))
            health.Problem = ("wrong_passphrase", "有编码器用错误的密码推流，已被拒绝：请核对推流密码。");
    });

    private Task WatchProgressAsync(Process encoder) => DrainAsync(encoder.StandardOutput, line =>
    {
        var eq = line.IndexOf('=');
        if (eq <= 0)
            return;
        var (key, value) = (line[..eq], line[(eq + 1)..].Trim());
        if (key == "speed" && double.TryParse(value.TrimEnd('x'), System.Globalization.CultureInfo.InvariantCulture, out var speed))
            health.Speed = Math.Round(speed, 2);
        else if (key == "drop_frames" && long.TryParse(value, out var dropped))
            health.DroppedFrames = dropped;
    });

    private static async Task DrainAsync(StreamReader reader, Action<string> onLine)
    {
        try
        {
            while (await reader.ReadLineAsync() is { } line)
                onLine(line);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException) { }
    }

    private static string Sentence(string line) => line.Length > 120 ? line[..120] : line;

    private static void TryKill(Process process)
    {
        try
        {
            if (!process.HasExited)
                process.Kill();
        }
        catch (InvalidOperationException) { }
    }
}
