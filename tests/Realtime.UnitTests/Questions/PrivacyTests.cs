using Realtime.Contracts.FollowUps;
using Realtime.Contracts.Questions;

namespace Realtime.UnitTests.Questions;

/// <summary>What the public may see of a question: callers' names masked, anonymous askers nameless.</summary>
public sealed class PrivacyTests
{
    private readonly BookFixture _f = new();

    [Theory]
    [InlineData("李建国", "李姓市民")]
    [InlineData("李先生 13912345678", "李先生")]
    [InlineData("王女士（139-1234-5678）", "王女士")]
    [InlineData("张大爷", "张先生")]
    [InlineData("刘阿姨", "刘女士")]
    [InlineData("老李", "李姓市民")]
    [InlineData("欧阳明月 女士", "欧阳女士")]
    [InlineData("13912345678", CallerNames.Anonymous)]
    [InlineData("Zhang Wei", CallerNames.Anonymous)]
    [InlineData("", CallerNames.Anonymous)]
    public void Mask_WhatAScreenerTyped_SurnameAndSalutationOnly_NeverDigits(string entered, string shown)
    {
        var masked = CallerNames.Mask(entered);
        Assert.Equal(shown, masked);
        Assert.DoesNotContain(masked, char.IsDigit);
    }

    [Fact]
    public void PhoneIn_PublicViewsShowTheMaskedName_StaffSeeTheFullEntry()
    {
        _f.Do(new EnterCall("call-1", QuestionSource.Phone, "李建国先生 13912345678", "浑南区五三街道", "我家的动迁补偿什么时候发放？", null, "动拆迁", "housing"), _f.Screener);
        var question = _f.Book.All.Single();

        Assert.Equal("李建国先生 13912345678", question.AskerName);
        Assert.Equal("李建国先生 13912345678", _f.Book.ModeratorSnapshot().Questions.Single().AskerName);
        Assert.Equal("李先生", question.ToPublic().AskerName);
        Assert.Equal("李先生", _f.Book.ViewerSnapshot(null).Queue.Single().AskerName);
        Assert.Equal("李先生", FollowUpCase.Of(question, new FollowUpInfo("p-test.1", "housing", _f.Clock.Now, _f.Clock.Now, false, null, null, null)).AskerName);
    }

    [Fact]
    public void AnonymousViewer_NoNameInAnyPublicView()
    {
        var asked = _f.Ask("请问低保每月什么时候发？");
        _f.Do(new Approve(asked.Id), _f.Screener);
        var question = _f.Get(asked.Id);

        Assert.Null(question.ToPublic().AskerName);
        Assert.Null(_f.Book.ViewerSnapshot(null).Queue.Single().AskerName);
        Assert.Null(FollowUpCase.Of(question, new FollowUpInfo("p-test.1", "civil-affairs", _f.Clock.Now, _f.Clock.Now, false, null, null, null)).AskerName);
    }
}
