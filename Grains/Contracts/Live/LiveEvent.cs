using Realtime.Contracts.Programmes;

namespace Realtime.Contracts.Live;

/// <summary>
/// Something that happened in the cluster and must reach browsers. Grains publish these; every LiveApi host
/// receives each one and fans it out to its own SignalR connections.
/// </summary>
[GenerateSerializer, Immutable, Alias("Realtime.LiveEvent")]
public abstract record LiveEvent;

/// <summary>A programme was scheduled or changed state. Goes to its viewers, its districts and the catalogue.</summary>
[GenerateSerializer, Immutable, Alias("Realtime.ProgrammeChanged")]
public sealed record ProgrammeChanged([property: Id(0)] ProgrammeDetails Programme) : LiveEvent;

/// <summary>
/// One group-committed batch of desk changes. LiveApi splits it by audience: moderators get everything, each asker
/// their own questions, viewers the questions that are or were public and the status.
/// </summary>
[GenerateSerializer, Immutable, Alias("Realtime.DeskChanged")]
public sealed record DeskChanged(
    [property: Id(0)] string ProgrammeId,
    [property: Id(1)] long Version,
    [property: Id(2)] System.Collections.Immutable.ImmutableArray<Questions.QuestionChange> Questions,
    [property: Id(3)] Questions.DeskStatus Status,
    [property: Id(4)] System.Collections.Immutable.ImmutableArray<Questions.ModerationLogEntry> Log) : LiveEvent;

/// <summary>A transcoding job changed (state or progress): pushed to the admins watching the media page.</summary>
[GenerateSerializer, Immutable, Alias("Realtime.MediaJobChanged")]
public sealed record MediaJobChanged([property: Id(0)] Media.MediaJob Job, [property: Id(1)] int? QueuePosition) : LiveEvent;

/// <summary>A programme's live stream changed: admins get all of it, the programme's viewers its public side.</summary>
[GenerateSerializer, Immutable, Alias("Realtime.LiveStreamChanged")]
public sealed record LiveStreamChanged([property: Id(0)] LiveStreams.LiveStream Stream) : LiveEvent;

/// <summary>
/// Lines appended to a live playlist at <paramref name="Offset"/> (its length before them). For LiveApi hosts, which
/// serve live playlists from memory; a host whose copy is not that long reloads the playlist from storage.
/// </summary>
[GenerateSerializer, Immutable, Alias("Realtime.LivePlaylistAppended")]
public sealed record LivePlaylistAppended(
    [property: Id(0)] string ProgrammeId,
    [property: Id(1)] string StreamId,
    [property: Id(2)] string Playlist,
    [property: Id(3)] long Offset,
    [property: Id(4)] string Text) : LiveEvent;
