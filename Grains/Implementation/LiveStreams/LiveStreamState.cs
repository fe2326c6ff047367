using Realtime.Contracts.LiveStreams;

namespace Realtime.Grains.LiveStreams;

[GenerateSerializer, Alias("Realtime.LiveStreamGrainState")]
public sealed class LiveStreamGrainState
{
    /// <summary>Null until an admin opens the stream. Health is kept too, but written only with other changes.</summary>
    [Id(0)] public LiveStream? Stream { get; set; }
}

[GenerateSerializer, Alias("Realtime.LiveQueueState")]
public sealed class LiveQueueState
{
    /// <summary>Streams waiting for a worker, in order.</summary>
    [Id(0)] public List<string> Waiting { get; set; } = [];

    /// <summary>Streams held by a worker, watched for lease expiry.</summary>
    [Id(1)] public List<string> Leased { get; set; } = [];
}
