using Realtime.Contracts.Common;
using Realtime.Contracts.Programmes;
using Realtime.Contracts.Questions;

namespace Realtime.UnitTests.Questions;

public sealed class ModerationTests
{
    private readonly BookFixture _f = new();

    /// <summary>Every command against every status it may start from: allowed ones move, the rest say the state.</summary>
    public static TheoryData<string, QuestionStatus, bool> Transitions()
    {
        var allowed = new Dictionary<string, QuestionStatus[]>
        {
            ["approve"] = [QuestionStatus.Pending],
            ["reject"] = [QuestionStatus.Pending, QuestionStatus.Approved],
            ["edit"] = [QuestionStatus.Pending, QuestionStatus.Approved, QuestionStatus.OnAir],
            ["on-air"] = [QuestionStatus.Approved],
            ["answered"] = [QuestionStatus.OnAir],
            ["follow-up"] = [QuestionStatus.Pending, QuestionStatus.Approved, QuestionStatus.OnAir],
            ["merge"] = [QuestionStatus.Pending, QuestionStatus.Approved],
        };
        var data = new TheoryData<string, QuestionStatus, bool>();
        foreach (var (action, from) in allowed)
            foreach (var status in new[] { QuestionStatus.Pending, QuestionStatus.Approved, QuestionStatus.OnAir, QuestionStatus.Answered, QuestionStatus.Rejected, QuestionStatus.FollowUp, QuestionStatus.Withdrawn })
                data.Add(action, status, from.Contains(status));
        return data;
    }

    [Theory]
    [MemberData(nameof(Transitions))]
    public void Command_FromEachStatus_MovesOnlyWhereAllowed(string action, QuestionStatus from, bool allowed)
    {
        var id = QuestionIn(from);
        var target = _f.Ask("另一个完全不同的问题：宅基地", _f.OtherViewer).Id;
        ModerationCommand command = action switch
        {
            "approve" => new Approve(id),
            "reject" => new Reject(id, "与本期节目主题无关"),
            "edit" => new Edit(id, "改写后的问题"),
            "on-air" => new PutOnAir(id),
            "answered" => new MarkAnswered(id),
            "follow-up" => new SendToFollowUp(id),
            "merge" => new Merge(id, target),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };
        var before = _f.Get(id);
        var result = _f.Book.Moderate(_f.Host, command);

        Assert.Equal(allowed, result.IsOk);
        if (!allowed)
        {
            Assert.Equal(ErrorKind.InvalidState, result.Error);
            Assert.Equal(from.ToString(), result.State);
            Assert.Contains(QuestionStatuses.ChineseName(from), result.Message);
            Assert.Equal(before, _f.Get(id));
        }
    }

    [Fact]
    public void Screener_CannotPutOnAir_OrRunHostActions_ButCanScreen()
    {
        var id = _f.Ask("请问医保报销比例是多少？").Id;
        _f.Do(new Approve(id), _f.Screener);
        foreach (var command in new ModerationCommand[] { new PutOnAir(id), new MarkNext(id), new Reorder(id, null), new SetPaused(true), new SetSlowMode(10), new MarkAnswered(id), new SendToFollowUp(id) })
        {
            var result = _f.Book.Moderate(_f.Screener, command);
            Assert.Equal(ErrorKind.Forbidden, result.Error);
        }
        Assert.Equal(QuestionStatus.Approved, _f.Get(id).Status);
        Assert.Equal(ErrorKind.Forbidden, _f.Book.Moderate(_f.Viewer, new Approve(id)).Error);
    }

    [Fact]
    public void PutOnAir_OneAtATime_AndAnsweredRecordsTheTimeline()
    {
        var first = Approved("第一个问题：养老金");
        var second = Approved("第二个问题：土地承包");
        _f.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(first, _f.Do(new PutOnAir(first)).OnAir!.Id);
        var refused = _f.Book.Moderate(_f.Host, new PutOnAir(second));
        Assert.Equal(ErrorKind.InvalidState, refused.Error);
        Assert.Contains($"#{first}", refused.Message);

        _f.Clock.Advance(TimeSpan.FromMinutes(3));
        Assert.Null(_f.Do(new MarkAnswered(first)).OnAir);
        var entry = Assert.Single(_f.Book.Timeline());
        Assert.Equal(300, entry.OnAirSeconds);
        Assert.Equal(480, entry.AnsweredSeconds);
        Assert.Equal(second, _f.Do(new PutOnAir(second)).OnAir!.Id);
    }

    [Fact]
    public void PutOnAir_WhenTheProgrammeIsNotLive_IsRefused()
    {
        var id = Approved("问题");
        _f.Book.SetProgramme(new ProgrammeDetails("p-test", Series.MinshengFaceToFace, ProgrammeKind.Tv, "测试", _f.Clock.Now,
            _f.Clock.Now.AddHours(1), [], ["210102"], ProgrammeState.Scheduled, null, null, null, 1));
        Assert.Equal("Scheduled", _f.Book.Moderate(_f.Host, new PutOnAir(id)).State);
    }

    [Fact]
    public void MarkNext_ClearsWhenTheQuestionLeavesTheQueue()
    {
        var id = Approved("下一个问题");
        Assert.Equal(id, _f.Do(new MarkNext(id)).Next!.Id);
        Assert.Null(_f.Do(new PutOnAir(id)).Next);
        var pending = _f.Ask("还没审核的问题", _f.OtherViewer).Id;
        Assert.Equal(ErrorKind.InvalidState, _f.Book.Moderate(_f.Host, new MarkNext(pending)).Error);
    }

    [Fact]
    public void Reorder_MovesAQuestionAfterAnotherOrToTheTop()
    {
        var a = Approved("问题甲：养老");
        var b = Approved("问题乙：医保");
        var c = Approved("问题丙：低保");
        _f.Do(new Reorder(c, a));
        Assert.Equal([a, c, b], Queue());
        _f.Do(new Reorder(b, null));
        Assert.Equal([b, a, c], Queue());
        Assert.Equal("afterQuestionId", _f.Book.Moderate(_f.Host, new Reorder(a, 999)).Field);
    }

    [Fact]
    public void Merge_AddsUpVotes_AndTellsTheMergedAsker()
    {
        var target = _f.Ask("请问养老金什么时候调整？");
        var source = _f.Ask("养老金调整的时间是？", _f.OtherViewer);
        var third = new Actor("viewer:carol", "观众", DeskRole.Viewer);
        _f.Do(new Approve(source.Id), _f.Screener);
        Assert.True(_f.Book.Vote(third, source.Id).IsOk);
        _f.Do(new Merge(source.Id, target.Id), _f.Screener);

        Assert.Equal(2, _f.Get(target.Id).Votes); // the merged asker and their voter
        var merged = _f.Get(source.Id);
        Assert.Equal(QuestionStatus.Merged, merged.Status);
        Assert.Equal(target.Id, merged.MergedInto);
        Assert.Equal(ErrorKind.Invalid, _f.Book.Moderate(_f.Screener, new Merge(target.Id, target.Id)).Error);
    }

    [Fact]
    public void Edit_KeepsTheOriginalText()
    {
        var id = _f.Ask("原来的问题内容").Id;
        _f.Do(new Edit(id, "第一次修改"), _f.Screener);
        _f.Do(new Edit(id, "第二次修改"), _f.Screener);
        Assert.Equal("第二次修改", _f.Get(id).Text);
        Assert.Equal("原来的问题内容", _f.Get(id).OriginalText);
    }

    [Fact]
    public void BanAsker_HidesTheirPendingQuestions_AndRefusesTheirNextOnes()
    {
        var one = _f.Ask("第一个问题：养老");
        var two = _f.Ask("第二个问题：医保");
        _f.Do(new BanAsker(one.Id), _f.Screener);
        Assert.All([one.Id, two.Id], id => Assert.Equal(QuestionStatus.Rejected, _f.Get(id).Status));
        var next = _f.Book.Submit(_f.Viewer, new SubmitQuestion("r9", "再问一个", null, BookFixture.Nanhu.Code, null, null, true), BookFixture.Nanhu);
        Assert.Equal(ErrorKind.Forbidden, next.Error);
        _f.Ask("其他观众照常提问", _f.OtherViewer);
    }

    [Fact]
    public void EnterCall_JoinsTheHostQueueWithTheCaller()
    {
        var status = _f.Do(new EnterCall("call-1", QuestionSource.Phone, "张大爷", "浑南区", "我家的动迁补偿什么时候发放？", null, "动拆迁", "housing"), _f.Screener);
        var call = Assert.Single(_f.Book.All);
        Assert.Equal(QuestionSource.Phone, call.Source);
        Assert.Equal(QuestionStatus.Approved, call.Status);
        Assert.Equal("张大爷", call.AskerName);
        Assert.Equal(1, status.Counts.Approved);
        Assert.Equal("source", _f.Book.Moderate(_f.Screener, new EnterCall("call-2", QuestionSource.Web, "李", null, "问题", null, null, null)).Field);
    }

    [Fact]
    public void EveryAcceptedCommand_IsLoggedWithWhoWhatBeforeAndAfter_RefusedOnesAreNot()
    {
        var id = _f.Ask("请问医保怎么报销").Id;
        _f.Do(new Approve(id), _f.Screener);
        _f.Book.Moderate(_f.Screener, new Approve(id));
        var entry = Assert.Single(_f.Book.ModeratorSnapshot().Log);
        Assert.Equal(("staff:screener", "approve", id, "Pending", "Approved"), (entry.ActorId, entry.Action, entry.QuestionId!.Value, entry.Before, entry.After));
    }

    private long QuestionIn(QuestionStatus status)
    {
        var id = _f.Ask("请问养老金什么时候调整？").Id;
        switch (status)
        {
            case QuestionStatus.Approved: _f.Do(new Approve(id)); break;
            case QuestionStatus.OnAir: _f.Do(new Approve(id)); _f.Do(new PutOnAir(id)); break;
            case QuestionStatus.Answered: _f.Do(new Approve(id)); _f.Do(new PutOnAir(id)); _f.Do(new MarkAnswered(id)); break;
            case QuestionStatus.Rejected: _f.Do(new Reject(id, "重复问题")); break;
            case QuestionStatus.FollowUp: _f.Do(new SendToFollowUp(id)); break;
            case QuestionStatus.Withdrawn: _f.Book.Withdraw(_f.Viewer, id); break;
        }
        return id;
    }

    private long Approved(string text)
    {
        var id = _f.Ask(text, new Actor("viewer:" + Guid.NewGuid().ToString("N"), "观众", DeskRole.Viewer)).Id;
        _f.Do(new Approve(id));
        return id;
    }

    private long[] Queue() => [.. _f.Book.ViewerSnapshot(null).Queue.Where(q => q.Status == QuestionStatus.Approved).Select(q => q.Id)];
}
