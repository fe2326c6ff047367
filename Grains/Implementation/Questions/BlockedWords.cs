using System.Collections.Immutable;

namespace Realtime.Grains.Questions;

/// <summary>Finds blocked words in a question, ignoring spaces and punctuation put between their characters.</summary>
public sealed class BlockedWords(IEnumerable<string> words)
{
    private readonly string[] _words = words.Select(TextSimilarity.Normalize).Where(w => w.Length > 0).Distinct().ToArray();

    public ImmutableArray<string> Find(string text)
    {
        var normalized = TextSimilarity.Normalize(text);
        return [.. _words.Where(w => normalized.Contains(w, StringComparison.Ordinal))];
    }
}
