using Realtime.Contracts.Common;
using Realtime.Contracts.Programmes;
using Realtime.Contracts.Questions;
using Realtime.Contracts.Reports;
using Realtime.Grains.Questions;

namespace Realtime.UnitTests.Questions;

public sealed class FollowUpTests
{
    private readonly BookFixture _f = new();

    [Fact]
    public void WorkingDays_SkipWeekendsAndHolidays_AndEndAtMidnightChinaTime()
    {
        var friday = new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.FromHours(8));
        Assert.Equal(new DateTimeOffset(2026, 12, 4, 23, 59, 59, TimeSpan.FromHours(8)), WorkingDays.Add(friday, 5, []));
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 23, 59, 59, TimeSpan.FromHours(8)), WorkingDays.Add(friday, 5, [new DateOnly(2026, 12, 1)]));
        var lateFridayUtc = new DateTimeOffset(2026, 11, 27, 17, 0, 0, TimeSpan.Zero); // Saturday 01:00 in Shenyang
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 23, 59, 59, TimeSpan.FromHours(8)), WorkingDays.Add(lateFridayUtc, 1, []));
    }

    [Fact]
    public void ProgrammeEnds_ApprovedAndOnAirQuestionsBecomeCasesOfTheirDepartment_PendingOnesWait()
    {
        var approved = Approved("请问养老金什么时候调整？", "labour");
        var noDepartment = Approved("这个问题没有选部门", null);
        var pending = _f.Ask("还在待审核的问题", _f.OtherViewer).Id;
        _f.Book.TakeChanges();

        End();
        var changes = _f.Book.TakeChanges();
        Assert.Equal(QuestionStatus.FollowUp, _f.Get(approved).Status);
        Assert.Equal("labour", _f.Get(approved).FollowUp!.Department);
        Assert.Equal(FollowUpCaseId(approved), _f.Get(approved).FollowUp!.CaseId);
        Assert.Equal(QuestionStatus.Pending, _f.Get(pending).Status);
        Assert.Equal(2, changes.NewCases.Count);
        Assert.Contains(changes.NewCases, c => c.QuestionId == noDepartment && c.Info.Department == DeskCatalogue.OpennessOffice);
        Assert.Null(_f.Book.Status.OnAir);
    }

    [Fact]
    public void SendToFollowUp_OpensACaseWithAWorkingDayDeadline()
    {
        var id = Approved("请问低保怎么申请？", "civil-affairs");
        _f.Do(new SendToFollowUp(id));
        var info = _f.Get(id).FollowUp!;
        Assert.True(info.Deadline > _f.Clock.Now.AddDays(4));
        Assert.Single(_f.Book.TakeChanges().NewCases);
    }

    [Fact]
    public void Rate_OnlyTheAsker_OnlyAnswered_Once_ScoreOneToFive()
    {
        var id = Approved("请问医保报销比例？", "medical-insurance", _f.Viewer);
        Assert.Equal(ErrorKind.InvalidState, _f.Book.Rate(_f.Viewer, id, 5, null).Error);
        _f.Do(new PutOnAir(id));
        _f.Do(new MarkAnswered(id));
        Assert.Equal(ErrorKind.Forbidden, _f.Book.Rate(_f.OtherViewer, id, 5, null).Error);
        Assert.Equal("score", _f.Book.Rate(_f.Viewer, id, 0, null).Field);
        Assert.Equal("score", _f.Book.Rate(_f.Viewer, id, 6, null).Field);
        Assert.Equal(4.0, _f.Book.Rate(_f.Viewer, id, 4, "回答很清楚").Value!.AverageRating);
        Assert.Equal(ErrorKind.InvalidState, _f.Book.Rate(_f.Viewer, id, 5, null).Error);
        Assert.Equal((1, 4), (_f.Get(id).Ratings, _f.Get(id).RatingSum));
    }

    [Fact]
    public void Reject_FreeTextReason_StaysWithStaff_PublicAndCountersSayOther()
    {
        var id = _f.Ask("请问我邻居张三家的低保为什么比我家高？").Id;
        _f.Do(new Reject(id, "涉及邻居张三的家庭收入"), _f.Screener);
        var configured = _f.Ask("和节目无关的问题", _f.OtherViewer).Id;
        _f.Do(new Reject(configured, "与本期节目主题无关"), _f.Screener);

        Assert.Equal("涉及邻居张三的家庭收入", _f.Get(id).RejectReason);
        Assert.Equal(RejectReasons.Other, _f.Get(id).ToPublic().RejectReason);
        Assert.Equal("与本期节目主题无关", _f.Get(configured).ToPublic().RejectReason);
        var reasons = _f.Book.TakeChanges().Stats.Where(s => s.Key.StartsWith("district:", StringComparison.Ordinal))
            .SelectMany(s => s.Delta.RejectedByReason.Keys).ToHashSet();
        Assert.Equal(["与本期节目主题无关", RejectReasons.Other], reasons.Order());
    }

    [Fact]
    public void Changes_FeedTheReportCountersOfDistrictDepartmentAndProgramme()
    {
        var answered = Approved("问题一：养老", "labour", _f.OtherViewer);
        _f.Do(new PutOnAir(answered));
        _f.Do(new MarkAnswered(answered));
        var rejected = _f.Ask("问题二：无关", _f.OtherViewer).Id;
        _f.Do(new Reject(rejected, "与本期节目主题无关"));
        _f.Book.Rate(_f.OtherViewer, answered, 5, null);

        var totals = _f.Book.TakeChanges().Stats.GroupBy(s => s.Key)
            .ToDictionary(g => g.Key, g => g.Select(s => s.Delta).Aggregate(StatsCounters.Zero, (a, b) => a.Add(b)));
        var month = StatsKeys.Month(_f.Clock.Now);
        var district = totals[StatsKeys.District("210102", month)];
        Assert.Equal((2, 1, 1, 1, 1, 5), (district.Received, district.Approved, district.AnsweredOnAir, district.Rejected, district.Ratings, district.RatingSum));
        Assert.Equal(1, district.RejectedByReason["与本期节目主题无关"]);
        Assert.Equal(1, totals[StatsKeys.Department("labour", month)].AnsweredOnAir);
        Assert.Equal(2, totals[StatsKeys.Programme("p-test")].Received);
    }

    private long Approved(string text, string? department, Actor? asker = null)
    {
        var id = _f.Book.Submit(asker ?? new Actor("viewer:" + Guid.NewGuid().ToString("N"), "观众", DeskRole.Viewer),
            new SubmitQuestion(Guid.NewGuid().ToString(), text, null, BookFixture.Nanhu.Code, null, department, true), BookFixture.Nanhu).Value!.Question!.Id;
        _f.Do(new Approve(id));
        return id;
    }

    private void End() => _f.Book.SetProgramme(new ProgrammeDetails("p-test", Series.MinshengFaceToFace, ProgrammeKind.Tv, "测试",
        _f.Clock.Now, _f.Clock.Now, [], ["210102"], ProgrammeState.Ended, _f.Clock.Now, _f.Clock.Now, null, 3));

    private static string FollowUpCaseId(long id) => $"p-test.{id}";
}
