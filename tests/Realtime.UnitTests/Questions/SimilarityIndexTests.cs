using Realtime.Grains.Questions;

namespace Realtime.UnitTests.Questions;

/// <summary>
/// The index answers what comparing the text with every question would (Dice of character bigrams ≥ the threshold,
/// best first), while it only counts candidates from the text's rarest bigrams; and a reused search leaves nothing
/// behind for the next one.
/// </summary>
public sealed class SimilarityIndexTests
{
    private const string Pool = "养老保险医疗社区办理证明低保补贴住房公积金户口迁移居住登记残疾人护理就业失业退休工资";

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.5)]
    [InlineData(0.8)]
    public void Find_AgreesWithComparingEveryQuestion(double threshold)
    {
        var random = new Random(7);
        var index = new SimilarityIndex();
        var texts = new Dictionary<long, string>();
        for (long id = 1; id <= 400; id++)
        {
            texts[id] = Text(random, random.Next(4, 30));
            index.Add(id, texts[id]);
        }
        for (var probe = 0; probe < 200; probe++)
        {
            // Half the probes are variants of indexed questions, so every threshold has matches to find.
            var text = probe % 2 == 0 ? texts[random.Next(1, 401)][..^2] + Text(random, 3) : Text(random, random.Next(2, 30));
            var query = TextSimilarity.Bigrams(text);
            var expected = texts
                .Select(t => (Id: t.Key, Score: TextSimilarity.Dice(query, TextSimilarity.Bigrams(t.Value))))
                .Where(h => h.Score >= threshold && h.Id % 5 != 0)
                .OrderByDescending(h => h.Score)
                .ToList();
            var found = index.Find(text, threshold, 3, id => id % 5 != 0);

            Assert.Equal(Math.Min(3, expected.Count), found.Count);
            for (var i = 0; i < found.Count; i++)
            {
                Assert.Equal(expected[i].Score, found[i].Score, 9);
                Assert.Contains(expected, e => e.Id == found[i].Id && Math.Abs(e.Score - found[i].Score) < 1e-9);
            }
        }
    }

    [Fact]
    public void Find_AfterRemove_NoLongerFindsTheQuestion()
    {
        var index = new SimilarityIndex();
        index.Add(1, "灵活就业人员怎样参加养老保险");
        index.Add(2, "小区停车位不够怎么办");
        Assert.Equal(1, Assert.Single(index.Find("灵活就业人员怎么参加养老保险？", 0.5, 3)).Id);

        index.Remove(1);
        Assert.Empty(index.Find("灵活就业人员怎么参加养老保险？", 0.5, 3));
        Assert.Equal(2, Assert.Single(index.Find("小区停车位不够怎么办？", 0.5, 3)).Id);
    }

    private static string Text(Random random, int length) =>
        string.Concat(Enumerable.Range(0, length).Select(_ => Pool[random.Next(Pool.Length)]));
}
