namespace Realtime.Contracts.Programmes;

/// <summary>The life of a broadcast: Scheduled → Live → Ended → Archived, in that order only.</summary>
public enum ProgrammeState
{
    Scheduled = 0,
    Live = 1,
    Ended = 2,
    Archived = 3,
}
