namespace Realtime.Contracts.Questions;

/// <summary>
/// A question's life: Pending → Approved → OnAir → Answered, or Rejected (with a reason), FollowUp (answered later in
/// writing), Merged (into another question) or Withdrawn (by its asker while pending).
/// </summary>
public enum QuestionStatus
{
    Pending = 0,
    Approved = 1,
    OnAir = 2,
    Answered = 3,
    Rejected = 4,
    FollowUp = 5,
    Merged = 6,
    Withdrawn = 7,
}

/// <summary>How the question reached the programme.</summary>
public enum QuestionSource
{
    Web = 0,
    Phone = 1,
    Sms = 2,
    Email = 3,
}

/// <summary>Who may do what on the question desk; higher includes lower.</summary>
public enum DeskRole
{
    Viewer = 0,
    Screener = 1,
    Host = 2,
    Admin = 3,
}

public static class QuestionStatuses
{
    /// <summary>Statuses every viewer of the programme sees.</summary>
    public static bool IsPublic(QuestionStatus status) =>
        status is QuestionStatus.Approved or QuestionStatus.OnAir or QuestionStatus.Answered;

    /// <summary>Statuses from which nothing moves on any more.</summary>
    public static bool IsClosed(QuestionStatus status) =>
        status is QuestionStatus.Answered or QuestionStatus.Rejected or QuestionStatus.FollowUp
            or QuestionStatus.Merged or QuestionStatus.Withdrawn;

    public static string ChineseName(QuestionStatus status) => status switch
    {
        QuestionStatus.Pending => "待审核",
        QuestionStatus.Approved => "已通过",
        QuestionStatus.OnAir => "正在解答",
        QuestionStatus.Answered => "已解答",
        QuestionStatus.Rejected => "未通过",
        QuestionStatus.FollowUp => "转办",
        QuestionStatus.Merged => "已合并",
        QuestionStatus.Withdrawn => "已撤回",
        _ => status.ToString(),
    };
}
