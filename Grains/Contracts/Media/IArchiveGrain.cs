using System.Collections.Immutable;
using Orleans.Concurrency;
using Realtime.Contracts.Common;
using Realtime.Contracts.Programmes;

namespace Realtime.Contracts.Media;

/// <summary>A published programme in the public archive, with what makes it findable.</summary>
[GenerateSerializer, Immutable, Alias("Realtime.ArchiveEntry")]
public sealed record ArchiveEntry(
    [property: Id(0)] ProgrammeSummary Programme,
    [property: Id(1)] Recording Recording,
    [property: Id(2)] ImmutableArray<string> Departments,
    [property: Id(3)] ImmutableArray<string> AnsweredQuestions);

/// <summary>Filters of an archive search; dates are China-local days, both included.</summary>
[GenerateSerializer, Immutable, Alias("Realtime.ArchiveQuery")]
public sealed record ArchiveQuery(
    [property: Id(0)] string? District,
    [property: Id(1)] string? Department,
    [property: Id(2)] Series? Series,
    [property: Id(3)] DateOnly? From,
    [property: Id(4)] DateOnly? To,
    [property: Id(5)] string? Text)
{
    public DateTimeOffset? FromInstant => From is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), ChinaMonths.Offset) : null;

    public DateTimeOffset? ToInstant => To is { } d ? new DateTimeOffset(d.AddDays(1).ToDateTime(TimeOnly.MinValue), ChinaMonths.Offset) : null;
}

/// <summary>How a publication went: refused (the programme has another replay and no replacement was asked for), or
/// published, replacing <see cref="ReplacedJobId"/>'s replay when not null.</summary>
[GenerateSerializer, Immutable, Alias("Realtime.PublishOutcome")]
public sealed record PublishOutcome(
    [property: Id(0)] bool Published,
    [property: Id(1)] string? ReplacedJobId);

/// <summary>
/// The public archive (a stateless worker; key "archive"): routes to the month partitions (<see cref="IArchiveMonthGrain"/>)
/// by the programme's scheduled month. Searches walk the months newest first; within a month, hits are ranked.
/// </summary>
[Alias("Realtime.IArchiveGrain")]
public interface IArchiveGrain : IGrainWithStringKey
{
    public const string Key = "archive";

    /// <summary>Lists or replaces the programme's entry (at this revision of its programme); called by the programme grain.</summary>
    [Alias("Publish")]
    Task Publish(ArchiveEntry entry, long revision);

    /// <summary>Takes the programme's entry out (its early recording was withdrawn).</summary>
    [Alias("Remove")]
    Task Remove(ProgrammeSummary programme, long revision);

    [ReadOnly, Alias("Get")]
    Task<ArchiveEntry?> Get(string programmeId);

    [ReadOnly, Alias("Search")]
    Task<Page<ArchiveEntry>> Search(ArchiveQuery query, PagePosition? after, int take);
}

/// <summary>
/// The archive entries of programmes scheduled in one China-local month (key "yyyy-MM") with their full-text index:
/// one table row per entry and per answered question, analysed (normalised) when published.
/// </summary>
[Alias("Realtime.IArchiveMonthGrain")]
public interface IArchiveMonthGrain : IGrainWithStringKey
{
    [Alias("Publish")]
    Task Publish(ArchiveEntry entry, long revision);

    [Alias("Remove")]
    Task Remove(string programmeId, long revision);

    [AlwaysInterleave, Alias("Get")]
    Task<ArchiveEntry?> Get(string programmeId);

    /// <summary>Hits after the position, best first (score, then newest, then id).</summary>
    [AlwaysInterleave, Alias("Search")]
    Task<ImmutableArray<ArchiveHit>> Search(ArchiveQuery query, PagePosition? after, int take);
}

/// <summary>A search hit and where it sorts: <see cref="Position"/> continues a page right after it.</summary>
[GenerateSerializer, Immutable, Alias("Realtime.ArchiveHit")]
public sealed record ArchiveHit([property: Id(0)] ArchiveEntry Entry, [property: Id(1)] PagePosition Position);
