using Realtime.Contracts.Media;

namespace Realtime.GrainTests.Cluster;

/// <summary>The cluster of the media tests: jobs, the queue and its watchdog need no table storage.</summary>
public sealed class MediaCluster : GrainCluster
{
    public IMediaQueueGrain Queue => Grains.GetGrain<IMediaQueueGrain>(IMediaQueueGrain.Key);

    /// <summary>
    /// A test starts with storage healthy and an empty queue: the queue is one grain for the whole cluster, so jobs an
    /// earlier test left waiting or leased would otherwise be handed to this test's workers.
    /// </summary>
    public async Task ResetAsync()
    {
        Storage.Recover();
        foreach (var job in await Queue.List())
        {
            if (!job.IsFinished)
                await Grains.GetGrain<IMediaJobGrain>(job.JobId).Cancel();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class MediaClusterCollection : ICollectionFixture<MediaCluster>
{
    public const string Name = "media cluster";
}
