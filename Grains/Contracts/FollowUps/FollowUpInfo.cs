namespace Realtime.Contracts.FollowUps;

/// <summary>
/// A question not reached on air is followed up (转办): routed to a department that answers in writing before the
/// deadline. Carried on the question so the asker sees it live.
/// </summary>
[GenerateSerializer, Immutable, Alias("Realtime.FollowUpInfo")]
public sealed record FollowUpInfo(
    [property: Id(0)] string CaseId,
    [property: Id(1)] string Department,
    [property: Id(2)] DateTimeOffset OpenedAt,
    [property: Id(3)] DateTimeOffset Deadline,
    [property: Id(4)] bool Overdue,
    [property: Id(5)] string? Answer,
    [property: Id(6)] string? AnsweredBy,
    [property: Id(7)] DateTimeOffset? AnsweredAt)
{
    public static string CaseIdOf(string programmeId, long questionId) => $"{programmeId}.{questionId}";
}
