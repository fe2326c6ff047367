namespace Realtime.Grains.Archive;

/// <summary>
/// Full-text index of one archive month: character bigrams of normalised text (the approach of Lucene's CJK analyzer,
/// as the desk's similarity check) in an inverted index from bigram to programme. A programme matches when it holds
/// enough of the query's bigrams (all of them for short queries); it scores by the share of bigrams it holds, plus a
/// bonus when the whole query appears as written (in an answered question, more in the title).
/// </summary>
public sealed class ArchiveSearchIndex
{
    private readonly Dictionary<string, HashSet<string>> _postings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _texts = new(StringComparer.Ordinal);

    /// <summary>Adds normalised text (the title first) to a programme's document.</summary>
    public void Add(string programmeId, string normalized)
    {
        if (!_texts.TryGetValue(programmeId, out var texts))
            _texts[programmeId] = texts = [];
        texts.Add(normalized);
        foreach (var gram in Grams(normalized))
        {
            if (!_postings.TryGetValue(gram, out var ids))
                _postings[gram] = ids = new HashSet<string>(StringComparer.Ordinal);
            ids.Add(programmeId);
        }
    }

    public void Remove(string programmeId)
    {
        if (!_texts.Remove(programmeId, out var texts))
            return;
        foreach (var gram in texts.SelectMany(Grams))
        {
            if (_postings.TryGetValue(gram, out var ids) && ids.Remove(programmeId) && ids.Count == 0)
                _postings.Remove(gram);
        }
    }

    /// <summary>Scores of the programmes matching a normalised query (empty query: none).</summary>
    public Dictionary<string, double> Match(string query)
    {
        if (query.Length == 1)
        {
            // One character has no bigram: look through this month's texts (a month is small).
            return _texts.Where(t => t.Value.Any(text => text.Contains(query, StringComparison.Ordinal)))
                .ToDictionary(t => t.Key, t => t.Value[0].Contains(query, StringComparison.Ordinal) ? 2.5 : 2.0, StringComparer.Ordinal);
        }
        var grams = Grams(query).ToHashSet(StringComparer.Ordinal);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var gram in grams)
        {
            foreach (var id in _postings.GetValueOrDefault(gram) ?? [])
                counts[id] = counts.GetValueOrDefault(id) + 1;
        }
        var needed = grams.Count <= 3 ? grams.Count : (int)Math.Ceiling(0.7 * grams.Count);
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (id, count) in counts)
        {
            if (count < needed)
                continue;
            var texts = _texts[id];
            var bonus = texts[0].Contains(query, StringComparison.Ordinal) ? 1.5
                : texts.Any(t => t.Contains(query, StringComparison.Ordinal)) ? 1.0 : 0;
            scores[id] = (double)count / grams.Count + bonus;
        }
        return scores;
    }

    /// <summary>Overlapping bigrams; a single character stands for itself.</summary>
    public static IEnumerable<string> Grams(string normalized)
    {
        if (normalized.Length == 1)
            yield return normalized;
        for (var i = 0; i + 1 < normalized.Length; i++)
            yield return normalized.Substring(i, 2);
    }
}
