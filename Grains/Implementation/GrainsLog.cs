using Microsoft.Extensions.Logging;

namespace Realtime.Grains;

/// <summary>Source-generated log messages of the grains.</summary>
internal static partial class GrainsLog
{
    [LoggerMessage(1001, LogLevel.Warning, "Delivering a live event to a LiveApi host failed")]
    public static partial void DeliveryFailed(ILogger logger, Exception exception);

    [LoggerMessage(1002, LogLevel.Warning, "Refreshing the list of LiveApi hosts failed; keeping the previous list")]
    public static partial void HostListRefreshFailed(ILogger logger, Exception exception);

    [LoggerMessage(1003, LogLevel.Information, "Demo data seeded: {Districts} districts, {Communities} communities, {Programmes} programmes")]
    public static partial void DemoSeeded(ILogger logger, int districts, int communities, int programmes);

    [LoggerMessage(1101, LogLevel.Error, "Writing the question desk of {ProgrammeId} failed; the desk reloads from storage")]
    public static partial void DeskWriteFailed(ILogger logger, string programmeId, Exception exception);

    [LoggerMessage(1102, LogLevel.Warning, "Opening follow-up cases or adding report counters of {ProgrammeId} failed")]
    public static partial void PropagationFailed(ILogger logger, string programmeId, Exception exception);

    [LoggerMessage(1103, LogLevel.Warning, "Follow-up case {CaseId} could not tell its desk, department or counters")]
    public static partial void CaseNotifyFailed(ILogger logger, string caseId, Exception exception);

    [LoggerMessage(1104, LogLevel.Warning, "Applying the effects of programme {ProgrammeId} (lists, desk, archive) failed; retrying")]
    public static partial void ProgrammeEffectsFailed(ILogger logger, string programmeId, Exception exception);

    [LoggerMessage(1201, LogLevel.Warning, "Publishing the early replay of job {JobId} failed; the next progress report tries again")]
    public static partial void EarlyReplayFailed(ILogger logger, string jobId, Exception exception);
}
