using Realtime.Contracts.Questions;

namespace Realtime.Contracts.FollowUps;

/// <summary>A follow-up case as its department and the public see it (no asker identity; a caller's name masked).</summary>
[GenerateSerializer, Immutable, Alias("Realtime.FollowUpCase")]
public sealed record FollowUpCase(
    [property: Id(0)] string CaseId,
    [property: Id(1)] string ProgrammeId,
    [property: Id(2)] long QuestionId,
    [property: Id(3)] string Text,
    [property: Id(4)] string? AskerName,
    [property: Id(5)] string? CommunityName,
    [property: Id(6)] string? DistrictCode,
    [property: Id(7)] string? Topic,
    [property: Id(8)] FollowUpInfo Info)
{
    public bool IsOpen => Info.Answer is null;

    public static FollowUpCase Of(Question question, FollowUpInfo info) => new(info.CaseId, question.ProgrammeId, question.Id,
        question.Text, CallerNames.PublicName(question.Source, question.AskerName), question.CommunityName, question.DistrictCode, question.Topic, info);
}
