using System.Collections.Immutable;

namespace Realtime.Contracts.Questions;

/// <summary>A question as moderators see it. <see cref="Version"/> grows with every change of this question.</summary>
[GenerateSerializer, Immutable, Alias("Realtime.Question")]
public sealed record Question(
    [property: Id(0)] long Id,
    [property: Id(1)] string ProgrammeId,
    [property: Id(2)] string RequestId,
    [property: Id(3)] string AskerId,
    [property: Id(4)] string? AskerName,
    [property: Id(5)] string Text,
    [property: Id(6)] string? OriginalText,
    [property: Id(7)] string? CommunityCode,
    [property: Id(8)] string? CommunityName,
    [property: Id(9)] string? DistrictCode,
    [property: Id(10)] string? Topic,
    [property: Id(11)] string? Department,
    [property: Id(12)] QuestionSource Source,
    [property: Id(13)] QuestionStatus Status,
    [property: Id(14)] string? RejectReason,
    [property: Id(15)] long? MergedInto,
    [property: Id(16)] int Votes,
    [property: Id(17)] string? ScreenerNote,
    [property: Id(18)] ImmutableArray<string> FlaggedWords,
    [property: Id(19)] double Rank,
    [property: Id(20)] DateTimeOffset SubmittedAt,
    [property: Id(21)] DateTimeOffset UpdatedAt,
    [property: Id(22)] DateTimeOffset? OnAirAt,
    [property: Id(23)] DateTimeOffset? AnsweredAt,
    [property: Id(24)] string? CallerLocation,
    [property: Id(25)] long Version,
    [property: Id(26)] FollowUps.FollowUpInfo? FollowUp = null,
    [property: Id(27)] int Ratings = 0,
    [property: Id(28)] int RatingSum = 0,
    [property: Id(29)] string? PublicRejectReason = null)
{
    /// <summary>Held for review: the blocked-words list flagged it; a screener decides.</summary>
    public bool Held => !FlaggedWords.IsDefaultOrEmpty && Status == QuestionStatus.Pending;

    /// <summary>The public view: a caller's name masked, a free-text reject reason shown as "其他" (it stays internal).</summary>
    public PublicQuestion ToPublic() => new(Id, Text, CallerNames.PublicName(Source, AskerName), CommunityName, DistrictCode,
        Topic, Department, Source, Status, Votes, Rank, SubmittedAt, OnAirAt, AnsweredAt,
        RejectReason is null ? null : PublicRejectReason ?? RejectReasons.Other, MergedInto, Version, FollowUp, Ratings,
        Ratings == 0 ? null : Math.Round((double)RatingSum / Ratings, 2));

    /// <summary>Whether this viewer may see the question: public ones, and their own whatever the state.</summary>
    public bool IsVisibleTo(string viewerId) => QuestionStatuses.IsPublic(Status) || AskerId == viewerId;

    /// <summary>Answered on air, or answered in writing after a follow-up: the public may rate it.</summary>
    public bool IsAnswered => Status == QuestionStatus.Answered || FollowUp?.Answer is not null;
}

/// <summary>Reject reasons as the public sees them.</summary>
public static class RejectReasons
{
    /// <summary>What a free-text reason (written by a screener, possibly naming people) is counted and shown as.</summary>
    public const string Other = "其他";

    /// <summary>The reason given to the pending questions of an asker who is banned.</summary>
    public const string Banned = "提问者已被禁止参与本期节目";
}

/// <summary>A question as viewers (and its asker) see it: no asker id, no screener note, no flags.</summary>
[GenerateSerializer, Immutable, Alias("Realtime.PublicQuestion")]
public sealed record PublicQuestion(
    [property: Id(0)] long Id,
    [property: Id(1)] string Text,
    [property: Id(2)] string? AskerName,
    [property: Id(3)] string? CommunityName,
    [property: Id(4)] string? DistrictCode,
    [property: Id(5)] string? Topic,
    [property: Id(6)] string? Department,
    [property: Id(7)] QuestionSource Source,
    [property: Id(8)] QuestionStatus Status,
    [property: Id(9)] int Votes,
    [property: Id(10)] double Rank,
    [property: Id(11)] DateTimeOffset SubmittedAt,
    [property: Id(12)] DateTimeOffset? OnAirAt,
    [property: Id(13)] DateTimeOffset? AnsweredAt,
    [property: Id(14)] string? RejectReason,
    [property: Id(15)] long? MergedInto,
    [property: Id(16)] long Version,
    [property: Id(17)] FollowUps.FollowUpInfo? FollowUp = null,
    [property: Id(18)] int Ratings = 0,
    [property: Id(19)] double? AverageRating = null);
