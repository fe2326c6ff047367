namespace Realtime.Contracts.Questions;

/// <summary>A question after a change, and whether viewers could see it before (so they learn it left the queue).</summary>
[GenerateSerializer, Immutable, Alias("Realtime.QuestionChange")]
public sealed record QuestionChange(
    [property: Id(0)] Question Question,
    [property: Id(1)] bool WasPublic)
{
    public bool IsPublicChange => WasPublic || QuestionStatuses.IsPublic(Question.Status);
}
