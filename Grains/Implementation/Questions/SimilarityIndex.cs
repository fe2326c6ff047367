namespace Realtime.Grains.Questions;

/// <summary>
/// An inverted index from bigram to question ids, so finding similar questions costs about the same whether the
/// programme holds a hundred questions or a hundred thousand: bigrams shared by very many questions (the "请问" of
/// Chinese) carry little signal and are skipped, and a candidate is scored only if it shares enough bigrams to reach
/// the threshold at all (Dice ≥ t needs at least t·|A|/2 shared bigrams), so nothing is sorted.
/// </summary>
public sealed class SimilarityIndex
{
    public const int MaxPostings = 500;

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

    /// <summary>The most similar indexed questions at or above the threshold that <paramref name="include"/> accepts, best first.</summary>
    public IReadOnlyList<(long Id, double Score)> Find(string text, double threshold, int take, Func<long, bool>? include = null)
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
        var needed = threshold * grams.Count / 2;
        var found = new List<(long Id, double Score)>();
        foreach (var (id, shared) in hits)
        {
            if (shared < needed || (include is not null && !include(id)))
                continue;
            var score = 2.0 * shared / (grams.Count + _grams[id].Count);
            if (score >= threshold)
                found.Add((id, score));
        }
        found.Sort((a, b) => b.Score.CompareTo(a.Score));
        return found.Count > take ? found[..take] : found;
    }
}
