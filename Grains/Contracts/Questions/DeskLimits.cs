namespace Realtime.Contracts.Questions;

/// <summary>
/// The text limits every desk enforces, in characters as people count them (the silo's "Desk" settings). The pages
/// read them from <c>/api/desk/catalogue</c> for their maxlength attributes and counters, so they never copy a number.
/// </summary>
[GenerateSerializer, Immutable, Alias("Realtime.DeskLimits")]
public sealed record DeskLimits(
    [property: Id(0)] int QuestionLength,
    [property: Id(1)] int DisplayNameLength,
    [property: Id(2)] int CallerLocationLength,
    [property: Id(3)] int NoteLength,
    [property: Id(4)] int CommentLength,
    [property: Id(5)] int RejectReasonLength);
