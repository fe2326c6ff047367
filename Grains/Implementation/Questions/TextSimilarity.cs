using System.Globalization;
using System.Text;

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
        var folded = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            var category = char.GetUnicodeCategory(c);
            if (char.IsLetterOrDigit(c) || category == UnicodeCategory.OtherLetter)
                builder.Append(c);
        }
        return builder.ToString();
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
