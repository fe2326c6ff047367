using Realtime.Contracts.Common;
using Realtime.Contracts.Programmes;
using Realtime.Contracts.Questions;
using Realtime.Grains.Questions;

namespace Realtime.UnitTests.Questions;

public sealed class QuestionBookTests
{
    private readonly BookFixture _f = new();

    [Fact]
    public void Submit_SameRequestIdTwice_GivesTheSameQuestionNotTwo()
    {
        var first = _f.Ask("请问养老金什么时候调整？", requestId: "req-1");
        var again = _f.Book.Submit(_f.Viewer, new SubmitQuestion("req-1", "完全不同的内容", null, BookFixture.Nanhu.Code, null, null), BookFixture.Nanhu);
        Assert.Equal(first.Id, again.Value!.Question!.Id);
        Assert.Single(_f.Book.All);
    }

    [Fact]
    public void Submit_SameRequestIdFromAnotherViewer_IsAnotherQuestion()
    {
        _f.Ask("问题一", requestId: "same");
        _f.Ask("问题二", _f.OtherViewer, requestId: "same");
        Assert.Equal(2, _f.Book.All.Count);
    }

    public static TheoryData<string, string?, string?, string?, string> BadSubmissions => new()
    {
        { "", null, null, null, "text" },
        { "   ", null, null, null, "text" },
        { new string('问', 301), null, null, null, "text" },
        { "含有\u0000控制字符", null, null, null, "text" },
        { "正常问题", "不存在的话题", null, null, "topic" },
        { "正常问题", null, "no-such-department", null, "department" },
        { "正常问题", null, null, "一个非常非常非常非常非常非常长的昵称超过二十个字", "displayName" },
    };

    [Theory]
    [MemberData(nameof(BadSubmissions))]
    public void Submit_BadInput_NamesTheField_AndAddsNothing(string text, string? topic, string? department, string? name, string field)
    {
        var result = _f.Book.Submit(_f.Viewer, new SubmitQuestion("r", text, name, BookFixture.Nanhu.Code, topic, department), BookFixture.Nanhu);
        Assert.Equal(ErrorKind.Invalid, result.Error);
        Assert.Equal(field, result.Field);
        Assert.Empty(_f.Book.All);
        Assert.True(_f.Book.TakeChanges().IsEmpty);
    }

    [Fact]
    public void Submit_WithoutCommunity_AsksForIt()
    {
        var result = _f.Book.Submit(_f.Viewer, new SubmitQuestion("r", "问题", null, null, null, null), null);
        Assert.Equal("communityCode", result.Field);
    }

    [Fact]
    public void Submit_ThreeHundredChineseCharacters_IsAccepted() => _f.Ask(new string('问', 300));

    [Fact]
    public void Submit_SimilarToAnExistingQuestion_OffersItInsteadOfCreating_UnlessTheViewerInsists()
    {
        var original = _f.Ask("请问城镇职工养老金每年什么时候调整？");
        var command = new SubmitQuestion("r2", "城镇职工的养老金每年什么时候调整", null, BookFixture.Nanhu.Code, null, null);
        _f.Do(new Approve(original.Id), _f.Screener);

        var offered = _f.Book.Submit(_f.OtherViewer, command, BookFixture.Nanhu);
        Assert.Null(offered.Value!.Question);
        Assert.Equal(original.Id, Assert.Single(offered.Value.Similar).Question.Id);

        var insisted = _f.Book.Submit(_f.OtherViewer, command with { IgnoreSimilar = true }, BookFixture.Nanhu);
        Assert.NotNull(insisted.Value!.Question);
    }

    [Fact]
    public void Submit_SimilarToSomeoneElsesPendingQuestion_NeverShowsIt_ButTheAskerSeesTheirOwn()
    {
        var pending = _f.Ask("请问城镇职工养老金每年什么时候调整？");
        var command = new SubmitQuestion("r2", "城镇职工的养老金每年什么时候调整", null, BookFixture.Nanhu.Code, null, null);

        var other = _f.Book.Submit(_f.OtherViewer, command, BookFixture.Nanhu);
        Assert.NotNull(other.Value!.Question); // created: nothing unscreened was offered
        Assert.Empty(other.Value.Similar);

        var own = _f.Book.Submit(_f.Viewer, command with { RequestId = "r3" }, BookFixture.Nanhu);
        Assert.Equal(pending.Id, Assert.Single(own.Value!.Similar).Question.Id);
    }

    [Fact]
    public void Submit_UnrelatedQuestion_IsNotOfferedAsSimilar()
    {
        _f.Ask("请问城镇职工养老金每年什么时候调整？");
        var result = _f.Book.Submit(_f.OtherViewer, new SubmitQuestion("r2", "宅基地审批需要准备哪些材料", null, BookFixture.Nanhu.Code, null, null), BookFixture.Nanhu);
        Assert.NotNull(result.Value!.Question);
    }

    [Fact]
    public void Submit_BlockedWord_IsHeldForReviewNotDropped()
    {
        var question = _f.Ask("办 证 找我，加微信");
        var stored = _f.Get(question.Id);
        Assert.True(stored.Held);
        Assert.Contains("加微信", stored.FlaggedWords);
        Assert.Equal(QuestionStatus.Pending, stored.Status);
    }

    [Fact]
    public void Submit_OverTheRateLimit_IsRefusedForThatViewerOnly()
    {
        var f = new BookFixture(new DeskRules { SubmitsPerMinute = 2 });
        f.Ask("第一个问题是关于养老");
        f.Ask("第二个问题是关于医保");
        var third = f.Book.Submit(f.Viewer, new SubmitQuestion("r3", "第三个问题是关于低保", null, BookFixture.Nanhu.Code, null, null, true), BookFixture.Nanhu);
        Assert.Equal(ErrorKind.RateLimited, third.Error);
        f.Ask("别人的问题不受影响", f.OtherViewer);
        f.Clock.Advance(TimeSpan.FromSeconds(61));
        f.Ask("一分钟后可以再问");
    }

    [Fact]
    public void Submit_InSlowMode_OnePerIntervalPerViewer()
    {
        _f.Do(new SetSlowMode(30));
        _f.Ask("第一个问题是关于养老");
        var second = _f.Book.Submit(_f.Viewer, new SubmitQuestion("r2", "第二个问题关于医保", null, BookFixture.Nanhu.Code, null, null, true), BookFixture.Nanhu);
        Assert.Equal(ErrorKind.RateLimited, second.Error);
        _f.Clock.Advance(TimeSpan.FromSeconds(31));
        _f.Ask("第二个问题关于医保");
    }

    [Fact]
    public void Submit_WhilePaused_OrAfterTheProgrammeEnded_IsRefusedWithTheState()
    {
        _f.Do(new SetPaused(true));
        var paused = _f.Book.Submit(_f.Viewer, new SubmitQuestion("r", "问题", null, BookFixture.Nanhu.Code, null, null), BookFixture.Nanhu);
        Assert.Equal(ErrorKind.InvalidState, paused.Error);
        Assert.Equal("Paused", paused.State);

        _f.Do(new SetPaused(false));
        _f.Book.SetProgramme(new ProgrammeDetails("p-test", Series.MinshengFaceToFace, ProgrammeKind.Tv, "测试", _f.Clock.Now, _f.Clock.Now,
            [], ["210102"], ProgrammeState.Ended, _f.Clock.Now, _f.Clock.Now, null, 3));
        var ended = _f.Book.Submit(_f.Viewer, new SubmitQuestion("r", "问题", null, BookFixture.Nanhu.Code, null, null), BookFixture.Nanhu);
        Assert.Equal("Ended", ended.State);
    }

    [Fact]
    public void Vote_OncePerViewer_NotOnOwnQuestion()
    {
        var question = _f.Ask("请问医保异地报销怎么办理？");
        _f.Do(new Approve(question.Id), _f.Screener);
        Assert.Equal(1, _f.Book.Vote(_f.OtherViewer, question.Id).Value!.Votes);
        Assert.Equal(ErrorKind.InvalidState, _f.Book.Vote(_f.OtherViewer, question.Id).Error);
        Assert.Equal(ErrorKind.Invalid, _f.Book.Vote(_f.Viewer, question.Id).Error);
        Assert.Equal(ErrorKind.NotFound, _f.Book.Vote(_f.OtherViewer, 999).Error);
        Assert.Equal(1, _f.Get(question.Id).Votes);
    }

    [Fact]
    public void Vote_OnSomeoneElsesPendingQuestion_AnswersAsIfItDidNotExist()
    {
        var pending = _f.Ask("我家的住址是某某小区3号楼，请问……");
        var refused = _f.Book.Vote(_f.OtherViewer, pending.Id);
        var missing = _f.Book.Vote(_f.OtherViewer, 999);
        Assert.Equal(ErrorKind.NotFound, refused.Error);
        Assert.Null(refused.Value);
        Assert.Equal(missing.Message?.Replace("999", ""), refused.Message?.Replace(pending.Id.ToString(), ""));
        Assert.Equal(0, _f.Get(pending.Id).Votes);
    }

    [Fact]
    public void Withdraw_OwnPendingOnly()
    {
        var question = _f.Ask("请问低保怎么申请？");
        Assert.Equal(ErrorKind.NotFound, _f.Book.Withdraw(_f.OtherViewer, question.Id).Error);
        Assert.Equal(QuestionStatus.Withdrawn, _f.Book.Withdraw(_f.Viewer, question.Id).Value!.Status);
        Assert.Equal(ErrorKind.InvalidState, _f.Book.Withdraw(_f.Viewer, question.Id).Error);
    }

    [Fact]
    public void TakeChanges_HandsOverEachChangeOnce_AndStampsANewVersion()
    {
        var question = _f.Ask("请问再就业培训在哪里报名？");
        var version = _f.Book.Version;
        var changes = _f.Book.TakeChanges();
        Assert.Equal(question.Id, Assert.Single(changes.Questions).Key);
        Assert.True(_f.Book.Version > version);
        Assert.True(_f.Book.TakeChanges().IsEmpty);
    }

    [Fact]
    public void Restore_FromWhatWasTaken_GivesTheSameBook()
    {
        var a = _f.Ask("请问养老金什么时候调整？", requestId: "a");
        var b = _f.Ask("宅基地审批需要哪些材料", _f.OtherViewer, requestId: "b");
        _f.Do(new Approve(a.Id), _f.Screener);
        _f.Book.Vote(_f.OtherViewer, a.Id);
        var changes = _f.Book.TakeChanges();

        var restored = new QuestionBook("p-test", new DeskRules(), _f.Clock);
        restored.Restore(new DeskStored(_f.Book.Settings, [.. changes.Questions.Values.Select(c => c.Question)], changes.Votes, [], changes.Log, []));
        Assert.Equal(_f.Book.Status.Counts, restored.Status.Counts);
        Assert.Equal(1, restored.All.Single(q => q.Id == a.Id).Votes);
        var again = restored.Submit(_f.OtherViewer, new SubmitQuestion("b", "x", null, BookFixture.Nanhu.Code, null, null), BookFixture.Nanhu);
        Assert.Equal(b.Id, again.Value!.Question!.Id);
        Assert.Single(restored.ModeratorSnapshot().Log);
    }
}
