using System.Collections.Immutable;
using Realtime.Contracts.Programmes;

namespace Realtime.LiveApi.Apis;

/// <summary>Body of POST /api/programmes. Every field is nullable so a missing one gets a 400 that names it.</summary>
public sealed record ScheduleProgrammeRequest(
    Series? Series,
    string? Title,
    DateTimeOffset? ScheduledStart,
    DateTimeOffset? ScheduledEnd,
    GuestRequest[]? Guests,
    string[]? Districts)
{
    /// <summary>The command, or the first missing field.</summary>
    public (ScheduleProgramme? Command, string? MissingField) ToCommand()
    {
        if (Series is null) return (null, "series");
        if (Title is null) return (null, "title");
        if (ScheduledStart is null) return (null, "scheduledStart");
        if (ScheduledEnd is null) return (null, "scheduledEnd");
        if (Districts is null) return (null, "districts");
        for (var i = 0; i < (Guests?.Length ?? 0); i++)
        {
            var g = Guests![i];
            if (g is null) return (null, $"guests[{i}]");
            if (g.Department is null) return (null, $"guests[{i}].department");
            if (g.Name is null) return (null, $"guests[{i}].name");
            if (g.Title is null) return (null, $"guests[{i}].title");
        }
        if (Array.FindIndex(Districts, d => d is null) is var nullDistrict and >= 0)
            return (null, $"districts[{nullDistrict}]");

        var guests = (Guests ?? []).Select(g => new Guest(g.Department!, g.Name!, g.Title!)).ToImmutableArray();
        return (new ScheduleProgramme(Series.Value, Title, ScheduledStart.Value, ScheduledEnd.Value, guests, [.. Districts]), null);
    }
}

public sealed record GuestRequest(string? Department, string? Name, string? Title);
