namespace Realtime.Contracts.Common;

/// <summary>
/// Unicode's explicit direction controls (LRE, RLE, PDF, LRO, RLO and the isolates LRI, RLI, FSI, PDI). One of them in
/// a name can reverse the text shown beside it ("Trojan Source"); nobody needs them to write Chinese, so they are
/// refused wherever people type.
/// </summary>
public static class BidiControls
{
    public static bool IsControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    public static bool Contains(string? text) => text is not null && text.Any(IsControl);
}
