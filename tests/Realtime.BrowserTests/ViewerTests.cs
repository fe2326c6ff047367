using Microsoft.Playwright;
using Realtime.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Realtime.BrowserTests;

/// <summary>The viewer's side of the duplicate hint: vote for the existing question, or submit anyway.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ViewerTests(BrowserFixture fixture)
{
    private const string Community = "210114001002"; // 陵东社区, 于洪区

    [Fact]
    public async Task Submit_SimilarQuestionExists_OffersMeTooThenSubmitAnywayCreatesOne()
    {
        using var backstage = await Backstage.SignInAsync(fixture.Api);
        var programmeId = await backstage.LiveProgrammeAsync("于洪区家庭医生签约服务", ["210114"]);
        const string existing = "社区卫生服务中心的家庭医生签约需要交费吗？";
        var existingId = await backstage.SubmitAsNewViewerAsync(programmeId, existing, Community);
        await backstage.ModerateAsync(programmeId, new { type = "approve", questionId = existingId });

        await using var viewer = await fixture.OpenAsync(Viewport.Phone);
        await viewer.GotoAsync($"/programme.html?id={programmeId}");
        var page = viewer.Page;
        await Expect(page.Locator("#queue li.question", new() { HasText = existing })).ToBeVisibleAsync();

        // A similar question: the hint offers the existing one; "我也想问" adds a vote instead of a new question.
        await page.Locator("#q-text").FillAsync("社区卫生服务中心家庭医生签约要交费吗？");
        await page.Locator("#q-community").SelectOptionAsync(Community);
        await page.Locator("#ask-submit").ClickAsync();
        var similar = page.Locator("#similar");
        await Expect(similar.Locator("h3")).ToHaveTextAsync("已有相似问题，为它点“我也想问”吗？");
        await Expect(similar.Locator("li.question .text")).ToHaveTextAsync(existing);
        await similar.GetByRole(AriaRole.Button, new() { Name = "为问题 #" + existingId + " 点“我也想问”" }).ClickAsync();
        await Expect(page.Locator("#ask-ok")).ToHaveTextAsync("已为该问题点“我也想问”。");
        await Expect(similar).ToBeHiddenAsync();
        await Expect(page.Locator("#queue li.question", new() { HasText = existing }).Locator(".votes")).ToHaveTextAsync("1 人想问");
        await Expect(page.Locator("#queue li.question", new() { HasText = existing }).Locator(".metoo")).ToHaveTextAsync("已想问");
        await Expect(page.Locator("#mine li.question")).ToHaveCountAsync(0);

        // Again, but this time "仍然提交": exactly one new question, pending.
        const string mine = "家庭医生签约需要交费吗？社区卫生服务中心怎么说？";
        await page.Locator("#q-text").FillAsync(mine);
        await page.Locator("#ask-submit").ClickAsync();
        await Expect(similar).ToBeVisibleAsync();
        await similar.GetByRole(AriaRole.Button, new() { Name = "仍然提交" }).ClickAsync();
        await Expect(page.Locator("#mine li.question")).ToHaveCountAsync(1);
        await Expect(page.Locator("#mine li.question .text")).ToHaveTextAsync(mine);
        await Expect(page.Locator("#mine li.question .badge")).ToHaveTextAsync("待审核");
        await Expect(page.Locator("#q-text")).ToHaveValueAsync("");

        // The asker sees a rejection with its reason, live.
        var mineId = await backstage.QuestionIdAsync(programmeId, mine);
        await backstage.ModerateAsync(programmeId, new { type = "reject", questionId = mineId, reason = "重复问题" });
        await Expect(page.Locator("#mine li.question .badge")).ToHaveTextAsync("未通过");
        await Expect(page.Locator("#mine li.question .reason")).ToHaveTextAsync("原因：重复问题");
        viewer.AssertNoScriptErrors();
    }

    [Fact]
    public async Task Submit_StoredViewerTokenRefused_TakesANewIdentityAndSubmits()
    {
        await using var viewer = await fixture.OpenAsync(Viewport.Phone);
        // A token from another deployment (or a rotated signing key): the server refuses it with 401.
        await viewer.Context.AddInitScriptAsync("""
            if (!sessionStorage.getItem("seeded")) {
              sessionStorage.setItem("seeded", "1");
              localStorage.setItem("rt.viewer", JSON.stringify({ accessToken: "not-a-valid-token", expiresAt: "2999-01-01T00:00:00Z", viewerId: "stale" }));
            }
            """);
        await viewer.GotoAsync("/programme.html?id=demo-minsheng-live");
        const string text = "领取高龄津贴需要每年都做资格认证吗？";
        await viewer.Page.Locator("#q-text").FillAsync(text);
        await viewer.Page.Locator("#q-community").SelectOptionAsync("210104001002");
        await viewer.Page.Locator("#ask-submit").ClickAsync();

        await Expect(viewer.Page.Locator("#mine li.question", new() { HasText = text }).Locator(".badge")).ToHaveTextAsync("待审核");
        var stored = await viewer.Page.EvaluateAsync<string>("() => JSON.parse(localStorage.getItem('rt.viewer')).viewerId");
        Assert.NotEqual("stale", stored);
        viewer.AssertNoScriptErrors();
    }
}
