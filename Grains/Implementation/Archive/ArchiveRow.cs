using Realtime.Contracts.Media;

namespace Realtime.Grains.Archive;

/// <summary>
/// A row of an archive month: a programme's entry (without its answered questions) or one answered question, each with
/// its text already normalised for search when it was published. Small whatever the programme: no row nears the
/// 64 KiB property limit.
/// </summary>
public sealed record ArchiveRow(string ProgrammeId, ArchiveEntry? Entry, string? Question, string Normalized)
{
    public static string EntryKey(string programmeId) => "e|" + programmeId;

    public static string QuestionKey(string programmeId, int index) => $"q|{programmeId}|{index:D4}";
}
