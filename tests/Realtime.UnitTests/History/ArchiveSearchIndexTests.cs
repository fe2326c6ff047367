using Realtime.Grains.Archive;
using Realtime.Grains.Questions;

namespace Realtime.UnitTests.History;

public sealed class ArchiveSearchIndexTests
{
    private readonly ArchiveSearchIndex _index = new();

    public ArchiveSearchIndexTests()
    {
        Add("p1", "民生面对面：养老服务", "请问高龄津贴怎么申请？", "社区养老服务中心什么时候开放？");
        Add("p2", "土地承包经营权确权答疑", "土地承包合同到期后怎么续签？");
        Add("p3", "再就业政策解读", "失业金怎么申领", "养老保险断缴了怎么办");
    }

    [Fact]
    public void Match_FindsProgrammesByTitleOrAnsweredQuestion_WordOrderAndPunctuationDoNotMatter()
    {
        Assert.Equal(["p2"], _index.Match(Norm("土地承包")).Keys);
        Assert.Equal(["p3"], _index.Match(Norm("失业金，申领")).Keys);
        Assert.Equal(["p1", "p3"], _index.Match(Norm("养老")).Keys.Order());
        Assert.Empty(_index.Match(Norm("宅基地审批")));
    }

    [Fact]
    public void Match_RanksTheWholePhraseInTheTitleAboveItInAQuestion_AndAboveAPartialMatch()
    {
        var scores = _index.Match(Norm("养老服务"));
        Assert.True(scores["p1"] > 2, "title phrase");
        Assert.DoesNotContain("p3", scores.Keys); // only 养老 of 养老服务: not enough of a short query
        var partial = _index.Match(Norm("社区养老服务中心开放时间"));
        Assert.Contains("p1", partial.Keys);
        Assert.True(partial["p1"] < 1, "most bigrams but not the phrase");
    }

    [Fact]
    public void Match_OneCharacter_LooksThroughTheTexts_AndRemoveForgetsAProgramme()
    {
        Assert.Equal(["p3"], _index.Match(Norm("金")).Keys);
        _index.Remove("p3");
        Assert.Empty(_index.Match(Norm("金")));
        Assert.Equal(["p1"], _index.Match(Norm("养老")).Keys);
    }

    private void Add(string id, params string[] texts)
    {
        foreach (var text in texts)
            _index.Add(id, Norm(text));
    }

    private static string Norm(string text) => TextSimilarity.Normalize(text);
}
