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

/// <summary>The public archive (one grain, key "archive"): published programmes, searchable.</summary>
[Alias("Realtime.IArchiveGrain")]
public interface IArchiveGrain : IGrainWithStringKey
{
    public const string Key = "archive";

    /// <summary>Lists or replaces the programme's entry; called by its programme grain, which decides what is listed.</summary>
    [Alias("Publish")]
    Task Publish(ArchiveEntry entry);

    /// <summary>Takes the programme's entry out (its early recording was withdrawn).</summary>
    [Alias("Remove")]
    Task Remove(string programmeId);

    [Alias("Get")]
    Task<ArchiveEntry?> Get(string programmeId);

    [Alias("Search")]
    Task<ImmutableArray<ArchiveEntry>> Search(ArchiveQuery query);
}
