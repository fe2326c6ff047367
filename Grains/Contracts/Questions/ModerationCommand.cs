namespace Realtime.Contracts.Questions;

/// <summary>
/// Everything screeners and hosts do, as one closed family of commands: the hub, REST and gRPC edges build them,
/// the desk grain authorises and applies them. <see cref="RequiredRole"/> is the single source of who may do what.
/// </summary>
[GenerateSerializer, Immutable, Alias("Realtime.ModerationCommand")]
public abstract record ModerationCommand
{
    public abstract DeskRole RequiredRole { get; }

    /// <summary>Short stable name for the moderation log and the REST/gRPC "type" field.</summary>
    public abstract string Action { get; }
}

[GenerateSerializer, Immutable, Alias("Realtime.Approve")]
public sealed record Approve([property: Id(0)] long QuestionId) : ModerationCommand
{
    public override DeskRole RequiredRole => DeskRole.Screener;
    public override string Action => "approve";
}

[GenerateSerializer, Immutable, Alias("Realtime.Reject")]
public sealed record Reject([property: Id(0)] long QuestionId, [property: Id(1)] string Reason) : ModerationCommand
{
    public override DeskRole RequiredRole => DeskRole.Screener;
    public override string Action => "reject";
}

[GenerateSerializer, Immutable, Alias("Realtime.Edit")]
public sealed record Edit([property: Id(0)] long QuestionId, [property: Id(1)] string Text) : ModerationCommand
{
    public override DeskRole RequiredRole => DeskRole.Screener;
    public override string Action => "edit";
}

[GenerateSerializer, Immutable, Alias("Realtime.Merge")]
public sealed record Merge([property: Id(0)] long QuestionId, [property: Id(1)] long IntoQuestionId) : ModerationCommand
{
    public override DeskRole RequiredRole => DeskRole.Screener;
    public override string Action => "merge";
}

[GenerateSerializer, Immutable, Alias("Realtime.AddNote")]
public sealed record AddNote([property: Id(0)] long QuestionId, [property: Id(1)] string Note) : ModerationCommand
{
    public override DeskRole RequiredRole => DeskRole.Screener;
    public override string Action => "note";
}

/// <summary>A phone-in, SMS or e-mail question typed in by a screener for the caller.</summary>
[GenerateSerializer, Immutable, Alias("Realtime.EnterCall")]
public sealed record EnterCall(
    [property: Id(0)] string RequestId,
    [property: Id(1)] QuestionSource Source,
    [property: Id(2)] string CallerName,
    [property: Id(3)] string? CallerLocation,
    [property: Id(4)] string Text,
    [property: Id(5)] string? CommunityCode,
    [property: Id(6)] string? Topic,
    [property: Id(7)] string? Department) : ModerationCommand
{
    public override DeskRole RequiredRole => DeskRole.Screener;
    public override string Action => "enter-call";
}

/// <summary>Bans the asker of a question from this programme; their pending questions are hidden (rejected).</summary>
[GenerateSerializer, Immutable, Alias("Realtime.BanAsker")]
public sealed record BanAsker([property: Id(0)] long QuestionId) : ModerationCommand
{
    public override DeskRole RequiredRole => DeskRole.Screener;
    public override string Action => "ban";
}

/// <summary>Moves an approved question to just after another one (or to the top when null).</summary>
[GenerateSerializer, Immutable, Alias("Realtime.Reorder")]
public sealed record Reorder([property: Id(0)] long QuestionId, [property: Id(1)] long? AfterQuestionId) : ModerationCommand
{
    public override DeskRole RequiredRole => DeskRole.Host;
    public override string Action => "reorder";
}

/// <summary>Marks the question that goes on air next (null clears the mark).</summary>
[GenerateSerializer, Immutable, Alias("Realtime.MarkNext")]
public sealed record MarkNext([property: Id(0)] long? QuestionId) : ModerationCommand
{
    public override DeskRole RequiredRole => DeskRole.Host;
    public override string Action => "next";
}

[GenerateSerializer, Immutable, Alias("Realtime.PutOnAir")]
public sealed record PutOnAir([property: Id(0)] long QuestionId) : ModerationCommand
{
    public override DeskRole RequiredRole => DeskRole.Host;
    public override string Action => "on-air";
}

[GenerateSerializer, Immutable, Alias("Realtime.MarkAnswered")]
public sealed record MarkAnswered([property: Id(0)] long QuestionId) : ModerationCommand
{
    public override DeskRole RequiredRole => DeskRole.Host;
    public override string Action => "answered";
}

[GenerateSerializer, Immutable, Alias("Realtime.SendToFollowUp")]
public sealed record SendToFollowUp([property: Id(0)] long QuestionId) : ModerationCommand
{
    public override DeskRole RequiredRole => DeskRole.Host;
    public override string Action => "follow-up";
}

/// <summary>Pauses (true) or resumes (false) submissions from viewers.</summary>
[GenerateSerializer, Immutable, Alias("Realtime.SetPaused")]
public sealed record SetPaused([property: Id(0)] bool Paused) : ModerationCommand
{
    public override DeskRole RequiredRole => DeskRole.Host;
    public override string Action => Paused ? "pause" : "resume";
}

/// <summary>Slow mode: each viewer may submit once per this many seconds; 0 turns it off.</summary>
[GenerateSerializer, Immutable, Alias("Realtime.SetSlowMode")]
public sealed record SetSlowMode([property: Id(0)] int Seconds) : ModerationCommand
{
    public override DeskRole RequiredRole => DeskRole.Host;
    public override string Action => "slow-mode";
}
