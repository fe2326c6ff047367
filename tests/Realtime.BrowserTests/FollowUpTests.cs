using Microsoft.Playwright;
using Realtime.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Realtime.BrowserTests;

/// <summary>
/// 转办 and 网上评议 across pages: a question not reached on air goes to its department; the department answers on its
/// page; the asker's open programme page shows the written answer without a reload; the asker rates it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FollowUpTests(BrowserFixture fixture)
{
    private const string Community = "210113001002"; // 虎石台社区, 沈北新区

    [Fact]
    public async Task Answer_DepartmentAnswersOnItsPage_AskerSeesWrittenAnswerWithoutReloadAndRatesIt()
    {
        using var backstage = await Backstage.SignInAsync(fixture.Api);
        var programmeId = await backstage.LiveProgrammeAsync("沈北新区居家养老服务政策问答", ["210113"]);
        const string text = "虎石台社区有没有老年人助餐点？80岁以上老人吃饭有补贴吗？";
        const string answer = "虎石台社区老年助餐点已于本月开业，地址在社区服务中心一楼。80周岁以上老人每餐补贴3元，持身份证到助餐点登记即可，咨询电话024-89612345。";

        await using var asker = await fixture.OpenAsync(Viewport.Phone);
        await asker.GotoAsync($"/programme.html?id={programmeId}");
        await asker.Page.Locator("#q-text").FillAsync(text);
        await asker.Page.Locator("#q-community").SelectOptionAsync(Community);
        await asker.Page.Locator("#q-department").SelectOptionAsync("civil-affairs");
        await asker.Page.GetByRole(AriaRole.Button, new() { Name = "提交问题" }).ClickAsync();
        var mine = asker.Page.Locator("#mine li.question", new() { HasText = text });
        await Expect(mine.Locator(".head .badge")).ToHaveTextAsync("待审核");
        await asker.MarkAsync("asker");

        // Approved but not reached on air: when the programme ends it becomes a case of 民政局, with a deadline.
        var questionId = await backstage.QuestionIdAsync(programmeId, text);
        await backstage.ModerateAsync(programmeId, new { type = "approve", questionId });
        await backstage.EndAsync(programmeId);
        await Expect(mine.Locator(".head .badge")).ToHaveTextAsync("转办");
        var followUp = mine.Locator(".followup");
        await Expect(followUp.Locator(".followup-head")).ToContainTextAsync("待答复");
        await Expect(followUp.Locator(".followup-head")).ToContainTextAsync("转交沈阳市民政局书面答复");
        await Expect(followUp).ToContainTextAsync("答复期限：");
        await Expect(followUp.Locator(".deadline-left")).ToContainTextAsync("剩余");

        // The department signs in and answers; an empty answer is refused first.
        await using var department = await fixture.OpenAsync(Viewport.Desktop);
        await department.GotoAsync("/department.html", waitForConnection: false);
        await department.SignInAsync("minzheng");
        await Expect(department.Page.Locator("#department-title")).ToHaveTextAsync("部门答复 · 沈阳市民政局");
        var open = department.Page.Locator("#open-cases li.case", new() { HasText = text });
        await Expect(open.Locator(".case-head")).ToContainTextAsync("沈北新区居家养老服务政策问答 · 问题 #" + questionId);
        await Expect(open.Locator(".deadline-left")).ToContainTextAsync("剩余");
        await open.GetByRole(AriaRole.Button, new() { Name = "答复问题 #" + questionId }).ClickAsync();
        await Expect(open.Locator(".message[data-kind=error]")).ToHaveTextAsync("请填写答复内容。");
        await open.GetByLabel("书面答复").FillAsync(answer);
        await open.GetByRole(AriaRole.Button, new() { Name = "答复问题 #" + questionId }).ClickAsync();
        await Expect(department.Page.Locator("#answer-ok")).ToHaveTextAsync($"已答复问题 #{questionId}，提问人已收到通知。");
        var answered = department.Page.Locator("#answered-cases li.case", new() { HasText = text });
        await Expect(answered.Locator(".answer-text")).ToHaveTextAsync(answer);
        await Expect(department.Page.Locator("#open-cases li.case", new() { HasText = text })).ToHaveCountAsync(0);
        department.AssertNoScriptErrors();

        // The asker's page, never reloaded, shows the written answer and who gave it.
        await Expect(followUp.Locator(".answer-text")).ToHaveTextAsync(answer);
        await Expect(followUp.Locator(".followup-head .badge")).ToHaveTextAsync("已答复");
        await Expect(followUp.Locator(".answer-by")).ToContainTextAsync("民政局 办公室");
        Assert.Equal("asker", await asker.MarkAsync());

        // The asker rates the answer: five stars and a comment; the average appears and the form gives way.
        var rating = mine.Locator(".rating");
        await rating.Locator("label.star").Nth(4).ClickAsync();
        await rating.GetByLabel("评价（可选）").FillAsync("答复及时，说得很清楚");
        await rating.GetByRole(AriaRole.Button, new() { Name = "提交评价" }).ClickAsync();
        await Expect(rating.Locator(".rating-text")).ToHaveTextAsync("5.0 分 · 1 人评价");
        await Expect(rating.Locator(".badge.rated")).ToHaveTextAsync("您已评价");
        asker.AssertNoScriptErrors();

        // What this viewer rated comes back with the snapshot after a reload (not from the browser's storage).
        await asker.Page.ReloadAsync();
        await asker.ExpectConnectedAsync();
        await Expect(mine.Locator(".rating .badge.rated")).ToHaveTextAsync("您已评价");
        await Expect(mine.Locator("form.rate-form")).ToHaveCountAsync(0);

        // The stable link of the case shows the same answer to anyone.
        await mine.GetByRole(AriaRole.Link, new() { Name = $"问题 #{questionId} 的转办件链接" }).ClickAsync();
        await Expect(asker.Page.Locator("#page-title")).ToHaveTextAsync($"转办件 #{questionId}");
        await Expect(asker.Page.Locator("#case .case-head .badge")).ToHaveTextAsync("已答复");
        await Expect(asker.Page.Locator("#case .answer-text")).ToHaveTextAsync(answer);
        asker.AssertNoScriptErrors();
    }
}
