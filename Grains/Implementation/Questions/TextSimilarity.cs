namespace Realtime.Grains.Questions;

/// <summary>
/// Similarity of short Chinese texts. Chinese has no spaces, so instead of words (which need a segmenter and a
/// dictionary) we compare overlapping character bigrams — the approach of Lucene's CJK analyzer — with the Dice
/// coefficient: 2·|A∩B| / (|A|+|B|). "养老金怎么领取" and "怎么领取养老金" share most bigrams; unrelated questions
/// share almost none. Text is normalised first: full-width to half-width, lower case, punctuation and spaces removed.
/// </summary>
public static class TextSimilarity
{
    public static string Normalize(string text)
    {
        // Hand-folded instead of string.Normalize(FormKC) (ICU, a tenth of a submit's CPU): full-width ASCII
        // (U+FF01–FF5E) becomes half-width, letters are lower-cased, and only letters and digits are kept.
        Span<char> buffer = text.Length <= 1024 ? stackalloc char[text.Length] : new char[text.Length];
        var n = 0;
        foreach (var raw in text)
        {
            var c = raw is >= '\uFF01' and <= '\uFF5E' ? (char)(raw - 0xFEE0) : raw;
            if (char.IsLetterOrDigit(c))
                buffer[n++] = char.ToLowerInvariant(c);
        }
        return new string(buffer[..n]);
    }

    public static HashSet<string> Bigrams(string text)
    {
        var normalized = Normalize(text);
        var grams = new HashSet<string>(StringComparer.Ordinal);
        if (normalized.Length == 1)
            grams.Add(normalized);
        for (var i = 0; i + 1 < normalized.Length; i++)
            grams.Add(normalized.Substring(i, 2));
        return grams;
    }

    public static double Dice(IReadOnlySet<string> a, IReadOnlySet<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
            return 0;
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var shared = small.Count(large.Contains);
        return 2.0 * shared / (a.Count + b.Count);
    }
}
