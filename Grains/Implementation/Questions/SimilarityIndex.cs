using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Realtime.Grains.Questions;

/// <summary>
/// An inverted index from bigram to question ids, so finding similar questions costs about the same whether the
/// programme holds a hundred questions or a hundred thousand: bigrams shared by very many questions (the "请问" of
/// Chinese) carry little signal and are skipped, and a candidate is scored only if it shares enough bigrams to reach
/// the threshold at all, so nothing is sorted. One per desk activation, used one grain turn at a time (not thread-safe).
/// </summary>
public sealed class SimilarityIndex
{
    public const int MaxPostings = 500;
    private const int MaxReusedHits = 1 << 16;

    private readonly Dictionary<string, HashSet<long>> _postings = new(StringComparer.Ordinal);
    private readonly Dictionary<long, HashSet<string>> _grams = [];
    private readonly List<HashSet<long>> _lists = [];
    private Dictionary<long, int> _hits = [];

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
        // A match shares s ≥ t·(|A| + |B|)/2 bigrams with the text, and |B| ≥ s, so s ≥ t·|A|/(2 − t): it shares at least
        // one of any (counted − needed + 1) of the text's counted bigrams. Only the rarest that many make candidates; the
        // other bigrams only count for candidates already found. Same matches as counting every posting, far fewer entries.
        var needed = Math.Max(1, (int)Math.Ceiling(threshold * grams.Count / (2 - threshold) - 1e-9));
        _lists.Clear();
        foreach (var gram in grams)
        {
            if (_postings.TryGetValue(gram, out var ids) && ids.Count <= MaxPostings)
                _lists.Add(ids);
        }
        var prefix = _lists.Count - needed + 1;
        if (prefix <= 0)
            return [];
        _lists.Sort(static (a, b) => a.Count.CompareTo(b.Count));
        try
        {
            for (var i = 0; i < _lists.Count; i++)
            {
                foreach (var id in _lists[i])
                {
                    if (i < prefix)
                    {
                        CollectionsMarshal.GetValueRefOrAddDefault(_hits, id, out _)++;
                        continue;
                    }
                    ref var count = ref CollectionsMarshal.GetValueRefOrNullRef(_hits, id);
                    if (!Unsafe.IsNullRef(ref count))
                        count++;
                }
            }
            var found = new List<(long Id, double Score)>();
            foreach (var (id, shared) in _hits)
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
        finally
        {
            // Reused by the next search (a submit's search allocated a dictionary of thousands of entries, often on
            // the large object heap); one that grew past its usual size is let go.
            if (_hits.Count > MaxReusedHits)
                _hits = [];
            else
                _hits.Clear();
            _lists.Clear();
        }
    }
}
