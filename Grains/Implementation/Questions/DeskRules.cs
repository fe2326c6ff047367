using System.ComponentModel.DataAnnotations;
using Realtime.Contracts.Questions;

namespace Realtime.Grains.Questions;

/// <summary>Rules of every question desk (section "Desk" of the silo's configuration).</summary>
public sealed class DeskRules
{
    public const string Section = "Desk";

    /// <summary>Longest question, in characters as people count them. Default 300.</summary>
    [Range(10, 5000)] public int MaxTextLength { get; set; } = 300;

    /// <summary>Longest display name of an asker. Default 20.</summary>
    [Range(1, 100)] public int MaxDisplayNameLength { get; set; } = 20;

    /// <summary>Longest place a phoned-in caller gives. Default 50.</summary>
    [Range(1, 200)] public int MaxCallerLocationLength { get; set; } = 50;

    /// <summary>Longest screener's note to the host. Default 200.</summary>
    [Range(1, 1000)] public int MaxNoteLength { get; set; } = 200;

    /// <summary>Longest comment with a rating of an answer. Default 200.</summary>
    [Range(1, 1000)] public int MaxCommentLength { get; set; } = 200;

    /// <summary>Longest reason a screener gives for a rejection. Default 100.</summary>
    [Range(10, 500)] public int MaxRejectReasonLength { get; set; } = 100;

    /// <summary>Submissions one viewer may make per minute in one programme (outside slow mode). Default 5.</summary>
    [Range(1, 1_000_000)] public int SubmitsPerMinute { get; set; } = 5;

    /// <summary>Dice similarity of character bigrams at or above which a question counts as similar. Default 0.5.</summary>
    [Range(0.1, 1.0)] public double SimilarityThreshold { get; set; } = 0.5;

    /// <summary>Working days a department has to answer a follow-up in writing. Default 5.</summary>
    [Range(1, 60)] public int FollowUpWorkingDays { get; set; } = 5;

    /// <summary>Public holidays skipped when counting working days (dates in China Standard Time).</summary>
    public List<DateOnly> Holidays { get; set; } = [];

    /// <summary>For tests and drills only: a fixed follow-up deadline instead of working days (e.g. "00:00:05").</summary>
    public TimeSpan? FollowUpDeadlineOverride { get; set; }

    /// <summary>Reasons offered to screeners when rejecting; free text is allowed as well.</summary>
    public List<string> RejectReasons { get; set; } =
        ["与本期节目主题无关", "重复问题", "含有不文明用语", "涉及个人隐私", "信息不完整，无法解答", "已通过其他渠道办理"];

    /// <summary>Words that hold a question for review instead of publishing it (matched ignoring spaces and punctuation).</summary>
    public List<string> BlockedWords { get; set; } = ["傻逼", "他妈的", "操你", "代开发票", "办证", "加微信", "赌博", "法轮"];

    /// <summary>The text limits as the pages read them (served by <see cref="DeskRulesGrain"/>).</summary>
    public DeskLimits Limits => new(MaxTextLength, MaxDisplayNameLength, MaxCallerLocationLength, MaxNoteLength, MaxCommentLength, MaxRejectReasonLength);
}
