using Realtime.Contracts.Media;

namespace Realtime.Grains.Media;

[GenerateSerializer, Alias("Realtime.MediaJobGrainState")]
public sealed class MediaJobGrainState
{
    [Id(0)] public MediaJob? Job { get; set; }
}

[GenerateSerializer, Alias("Realtime.MediaQueueState")]
public sealed class MediaQueueState
{
    /// <summary>Jobs waiting for a worker, in order.</summary>
    [Id(0)] public List<string> Queued { get; set; } = [];

    /// <summary>Jobs held by a worker, watched for lease expiry.</summary>
    [Id(1)] public List<string> Leased { get; set; } = [];

    /// <summary>Every job id, newest first (bounded), for the admin page.</summary>
    [Id(2)] public List<string> Recent { get; set; } = [];
}
