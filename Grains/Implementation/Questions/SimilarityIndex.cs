namespace Realtime.Grains.Questions;

/// <summary>
/// An inverted index from bigram to question ids, so finding similar questions costs about the same whether the
/// programme holds a hundred questions or a hundred thousand: bigrams shared by very many questions (the "请问" of
/// Chinese) carry no signal and are skipped, and at most <see cref="MaxCandidates"/> candidates are scored.
/// </summary>
public sealed class SimilarityIndex
{
    public const int MaxPostings = 2000;
    public const int MaxCandidates = 200;

    private readonly Dictionary<string, HashSet<long>> _postings = new(StringComparer.Ordinal);
    private readonly Dictionary<long, HashSet<string>> _grams = [];

    public void Add(long id, string text)
    {
        Remove(id);
        var grams = TextSimilarity.Bigrams(text);
        _grams[id] = grams;
        foreach (var gram in grams)
        {
            if (!_postings.TryGetValue(gram, out var ids))
                _postings[gram] = ids = [];
            ids.Add(id);
        }
    }

    public void Remove(long id)
    {
        if (!_grams.Remove(id, out var grams))
            return;
        foreach (var gram in grams)
        {
            if (_postings.TryGetValue(gram, out var ids) && ids.Remove(id) && ids.Count == 0)
                _postings.Remove(gram);
        }
    }

    /// <summary>The most similar indexed questions at or above the threshold, best first.</summary>
    public IReadOnlyList<(long Id, double Score)> Find(string text, double threshold, int take)
    {
        var grams = TextSimilarity.Bigrams(text);
        var hits = new Dictionary<long, int>();
        foreach (var gram in grams)
        {
            if (!_postings.TryGetValue(gram, out var ids) || ids.Count > MaxPostings)
                continue;
            foreach (var id in ids)
            {
                hits[id] = hits.GetValueOrDefault(id) + 1;
            }
        }
        return hits.OrderByDescending(h => h.Value).Take(MaxCandidates)
            .Select(h => (h.Key, Score: 2.0 * h.Value / (grams.Count + _grams[h.Key].Count)))
            .Where(h => h.Score >= threshold)
            .OrderByDescending(h => h.Score).Take(take)
            .ToList();
    }
}
