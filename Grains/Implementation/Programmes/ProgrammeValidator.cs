using Realtime.Contracts.Programmes;
using Realtime.Grains.Common;

namespace Realtime.Grains.Programmes;

/// <summary>Checks a schedule command's own fields; the grain checks that the districts exist.</summary>
public static class ProgrammeValidator
{
    public const int MaxTitleLength = 100;
    public const int MaxGuests = 20;
    public const int MaxGuestFieldLength = 50;
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(12);

    /// <summary>Null when the command is valid, else the offending field and the reason.</summary>
    public static (string Field, string Message)? Validate(ScheduleProgramme command)
    {
        if (!Enum.IsDefined(command.Series))
            return ("series", "未知的节目系列。");
        if (TextRules.Check(command.Title, "节目标题", MaxTitleLength) is { } titleError)
            return ("title", titleError);
        if (command.ScheduledEnd <= command.ScheduledStart)
            return ("scheduledEnd", "结束时间必须晚于开始时间。");
        if (command.ScheduledEnd - command.ScheduledStart > MaxDuration)
            return ("scheduledEnd", $"节目时长不能超过 {MaxDuration.TotalHours} 小时。");
        if (command.Districts.IsDefaultOrEmpty)
            return ("districts", "至少选择一个覆盖的区县。");
        if (command.Districts.Distinct().Count() != command.Districts.Length)
            return ("districts", "覆盖的区县有重复。");
        var guests = command.Guests.IsDefault ? [] : command.Guests;
        if (guests.Length > MaxGuests)
            return ("guests", $"嘉宾最多 {MaxGuests} 位。");
        for (var i = 0; i < guests.Length; i++)
        {
            var g = guests[i];
            var error = TextRules.Check(g.Department, "嘉宾部门", MaxGuestFieldLength)
                ?? TextRules.Check(g.Name, "嘉宾姓名", MaxGuestFieldLength)
                ?? TextRules.Check(g.Title, "嘉宾职务", MaxGuestFieldLength);
            if (error is not null)
                return ($"guests[{i}]", error);
        }
        return null;
    }
}
