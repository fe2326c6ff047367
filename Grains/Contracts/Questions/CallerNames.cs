namespace Realtime.Contracts.Questions;

/// <summary>
/// How a phone / SMS / e-mail caller is named in public: surname and salutation (李先生, 王女士) as radio hosts say it,
/// never the full name a screener typed and never a digit of a phone number. Staff keep the full entry.
/// </summary>
public static class CallerNames
{
    /// <summary>Shown when nothing usable is left of the entry (no Chinese surname to keep).</summary>
    public const string Anonymous = "热心市民";

    private static readonly string[] CompoundSurnames =
    [
        "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "令狐",
        "端木", "独孤", "南宫", "西门", "万俟", "闻人", "赫连", "澹台", "呼延", "轩辕", "钟离", "申屠", "太史", "第五",
    ];

    private static readonly string[] Women = ["女士", "小姐", "阿姨", "大姐", "大妈", "大娘", "奶奶", "姥姥", "婶"];
    private static readonly string[] Men = ["先生", "大爷", "大叔", "师傅", "爷爷", "姥爷", "大哥", "老汉"];

    /// <summary>李建国 13912345678 → 李先生 only when the entry says so; otherwise 李姓市民.</summary>
    public static string Mask(string? entered)
    {
        var text = entered?.Trim() ?? "";
        var start = 0;
        // Entries such as "老李" or "小王" name the surname after the prefix.
        if (text.Length >= 2 && text[0] is '老' or '小' && IsHan(text[1]))
            start = 1;
        if (text.Length <= start || !IsHan(text[start]))
            return Anonymous;
        var surname = text.Length >= start + 2 && CompoundSurnames.Contains(text.Substring(start, 2))
            ? text.Substring(start, 2)
            : text.Substring(start, 1);
        var rest = text[(start + surname.Length)..];
        if (Women.Any(rest.Contains))
            return surname + "女士";
        if (Men.Any(rest.Contains))
            return surname + "先生";
        return surname + "姓市民";
    }

    /// <summary>The name the public sees for a question: the viewer's own chosen name, or a caller's masked one.</summary>
    public static string? PublicName(QuestionSource source, string? askerName) =>
        source == QuestionSource.Web ? askerName : Mask(askerName);

    private static bool IsHan(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf';
}
