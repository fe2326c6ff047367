using Realtime.Contracts.Questions;

namespace Realtime.LiveApi.Hubs;

/// <summary>What /hubs/desk pushes. Apply a question when its Version is newer than yours; resync on reconnect.</summary>
public interface IDeskClient
{
    /// <summary>To every viewer of the programme: public questions that changed (or left the queue) and the status.</summary>
    Task DeskChanged(ViewerPatch patch);

    /// <summary>To the programme's screeners and hosts: every changed question, the status and new log entries.</summary>
    Task StaffDeskChanged(StaffPatch patch);

    /// <summary>To the asker only: one of their own questions changed (approved, on air, rejected with reason …).</summary>
    Task MyQuestionChanged(string programmeId, PublicQuestion question);

    /// <summary>To every viewer of the programme: its live stream became playable, lost its signal or ended.</summary>
    Task LivePlaybackChanged(Contracts.LiveStreams.LivePlayback playback);
}

public sealed record ViewerPatch(string ProgrammeId, long Version, PublicQuestion[] Questions, DeskStatus Status);

public sealed record StaffPatch(string ProgrammeId, long Version, Question[] Questions, DeskStatus Status, ModerationLogEntry[] Log);
