using System.Collections.Immutable;
using Realtime.Contracts.Programmes;

namespace Realtime.Contracts.Media;

/// <summary>A published programme in the public archive, with what makes it findable.</summary>
[GenerateSerializer, Immutable, Alias("Realtime.ArchiveEntry")]
public sealed record ArchiveEntry(
    [property: Id(0)] ProgrammeSummary Programme,
    [property: Id(1)] Recording Recording,
    [property: Id(2)] ImmutableArray<string> Departments,
    [property: Id(3)] ImmutableArray<string> AnsweredQuestions);

[GenerateSerializer, Immutable, Alias("Realtime.ArchiveQuery")]
public sealed record ArchiveQuery(
    [property: Id(0)] string? District,
    [property: Id(1)] string? Department,
    [property: Id(2)] Series? Series,
    [property: Id(3)] DateOnly? From,
    [property: Id(4)] DateOnly? To,
    [property: Id(5)] string? Text);

/// <summary>How a publication went: refused (the programme has another replay and no replacement was asked for), or
/// published, replacing <see cref="ReplacedJobId"/>'s replay when not null.</summary>
[GenerateSerializer, Immutable, Alias("Realtime.PublishOutcome")]
public sealed record PublishOutcome(
    [property: Id(0)] bool Published,
    [property: Id(1)] string? ReplacedJobId);

/// <summary>The public archive (one grain, key "archive"): published programmes, searchable.</summary>
[Alias("Realtime.IArchiveGrain")]
public interface IArchiveGrain : IGrainWithStringKey
{
    public const string Key = "archive";

    /// <summary>
    /// Publishes a finished recording. A programme that already has a finished replay from another job keeps it unless
    /// <paramref name="replace"/> (an admin's explicit choice); the outcome names the job whose replay was replaced.
    /// </summary>
    [Alias("Publish")]
    Task<PublishOutcome> Publish(ArchiveEntry entry, bool replace);

    /// <summary>Publishes a recording still being transcoded, unless the programme already has a finished one.</summary>
    [Alias("PublishEarly")]
    Task PublishEarly(ArchiveEntry entry);

    /// <summary>Takes back an early publication of this job (its transcoding failed for good or was cancelled).</summary>
    [Alias("Withdraw")]
    Task Withdraw(string programmeId, string jobId);

    [Alias("Get")]
    Task<ArchiveEntry?> Get(string programmeId);

    [Alias("Search")]
    Task<ImmutableArray<ArchiveEntry>> Search(ArchiveQuery query);
}
