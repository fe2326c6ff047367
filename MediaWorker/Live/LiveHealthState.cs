using Realtime.MediaWorker.Transcoding;

namespace Realtime.MediaWorker.Live;

/// <summary>What the worker knows of its stream right now: read by the reports, written by the ingest and the publisher.</summary>
public sealed class LiveHealthState
{
    private readonly Lock _gate = new();
    private long _bytes;
    private long _bytesAtSample;
    private DateTimeOffset _sampledAt;

    public bool Connected { get; private set; }
    public MediaProbe? Input { get; private set; }
    public double? InputKbps { get; private set; }
    public long DroppedFrames { get; set; }
    public double? Speed { get; set; }
    public DateTimeOffset? LastSegmentAt { get; set; }
    public int Segments { get; set; }
    public bool Playable { get; set; }

    /// <summary>When input last arrived (or listening began): how long the stream has been without input.</summary>
    public DateTimeOffset LastInputAt { get; private set; } = DateTimeOffset.UtcNow;

    /// <summary>The problem to show, with a stable code; cleared when the encoder is back.</summary>
    public (string Code, string Message)? Problem { get; set; }

    public void Listening(DateTimeOffset now)
    {
        lock (_gate)
        {
            Connected = false;
            InputKbps = null;
            Speed = null;
            LastInputAt = now;
        }
    }

    public void Received(int bytes, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (!Connected)
            {
                Connected = true;
                _sampledAt = now;
                _bytesAtSample = _bytes;
            }
            _bytes += bytes;
            LastInputAt = now;
            var elapsed = (now - _sampledAt).TotalSeconds;
            if (elapsed >= 2)
            {
                InputKbps = Math.Round((_bytes - _bytesAtSample) * 8 / 1000.0 / elapsed, 1);
                (_sampledAt, _bytesAtSample) = (now, _bytes);
            }
        }
    }

    public void Probed(MediaProbe input)
    {
        lock (_gate)
            Input = input;
    }

    public void Disconnected()
    {
        lock (_gate)
        {
            Connected = false;
            InputKbps = null;
        }
    }
}
