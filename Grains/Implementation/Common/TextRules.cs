namespace Realtime.Grains.Common;

/// <summary>Checks shared by every piece of free text a user can send.</summary>
public static class TextRules
{
    /// <summary>True when the text holds a control character other than line breaks and tabs.</summary>
    public static bool HasControlCharacters(string text) =>
        text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'));

    /// <summary>Length in user-perceived characters (a CJK character or an emoji counts as one).</summary>
    public static int VisibleLength(string text) => new System.Globalization.StringInfo(text).LengthInTextElements;

    /// <summary>Null when the text is acceptable, otherwise the reason in Chinese.</summary>
    public static string? Check(string? text, string label, int maxLength, bool allowLineBreaks = false)
    {
        if (string.IsNullOrWhiteSpace(text))
            return $"{label}不能为空。";
        if (HasControlCharacters(text) || (!allowLineBreaks && text.IndexOfAny(['\n', '\r', '\t']) >= 0))
            return $"{label}含有不允许的控制字符。";
        if (Contracts.Common.BidiControls.Contains(text))
            return $"{label}含有改变文字方向的控制字符（U+202A–U+202E、U+2066–U+2069），请删除后重试。";
        var length = VisibleLength(text.Trim());
        return length > maxLength ? $"{label}过长：{length} 个字符，最多 {maxLength} 个。" : null;
    }
}
