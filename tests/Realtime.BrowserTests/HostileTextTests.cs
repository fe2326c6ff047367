using System.Net.Http.Json;
using Realtime.BrowserTests.Infrastructure;
using Realtime.Testing;
using static Microsoft.Playwright.Assertions;

namespace Realtime.BrowserTests;

/// <summary>
/// Markup typed into every field a person fills (programme title, guest, nickname, question, note, written answer)
/// shows as literal text on every page that shows it; nothing runs, the CSP reports nothing, and right-to-left text
/// stays inside its own element.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class HostileTextTests(BrowserFixture fixture)
{
    private const string District = "210124"; // 法库县
    private const string Community = "210124001001";
    private const string Title = "法库县<img src=x onerror=\"window.__xss=1\">政策答疑";
    private const string Question = "请问<script>window.__xss=1</script>低保怎么申请？";
    private const string Nickname = "<b onclick=x>李</b>";
    private const string Answer = "您好<iframe src=\"javascript:window.__xss=1\"></iframe>，请到社区服务中心办理。";
    private const string RightToLeft = "سؤال عن الضمان";

    [Fact]
    public async Task HostileText_OnEveryPage_ShowsAsTextAndRunsNothing_RightToLeftTextStaysIsolated()
    {
        using var backstage = await Backstage.SignInAsync(fixture.Api);
        using var admin = await fixture.Api.AsAsync("admin");
        var created = await (await admin.PostAsJsonAsync("/api/programmes", ApiClient.ProgrammeBody(Title, [District], "LianxinqiaoHotline"), ApiClient.Json))
            .ReadAsync<System.Text.Json.JsonElement>();
        var programme = created.GetProperty("id").GetString()!;
        (await admin.PostAsync($"/api/programmes/{programme}/live", null)).EnsureSuccessStatusCode();
        var asked = await backstage.SubmitAsNewViewerAsync(programme, Question, Community, Nickname, "低保", "civil-affairs");
        var rtl = await backstage.SubmitAsNewViewerAsync(programme, RightToLeft + "：低保标准是多少？", Community, null, null, "civil-affairs");
        foreach (var q in new[] { asked, rtl })
            await backstage.ModerateAsync(programme, new { type = "approve", questionId = q });
        await backstage.ModerateAsync(programme, new { type = "note", questionId = asked, note = "<script>window.__xss=1</script>" });

        // Viewer, console and display while live.
        await using var viewer = await fixture.OpenAsync(Viewport.Phone);
        await viewer.GotoAsync($"/programme.html?id={programme}");
        await Expect(viewer.Page.Locator("#queue li.question .text").First).ToHaveTextAsync(Question);
        await Expect(viewer.Page.Locator("#programme-title")).ToHaveTextAsync(Title);
        await AssertIsolatedAsync(viewer, "#queue li.question .text");
        await using var host = await fixture.OpenAsync(Viewport.Desktop);
        await host.GotoAsync($"/console.html?id={programme}", waitForConnection: false);
        await host.SignInAsync("host");
        await host.ExpectConnectedAsync();
        await Expect(host.Page.Locator("#approved li.q .q-text").First).ToHaveTextAsync(Question);
        await Expect(host.Page.Locator("#approved .screener-note").First).ToContainTextAsync("<script>window.__xss=1</script>");
        await using var landing = await fixture.OpenAsync(Viewport.Desktop);
        await landing.GotoAsync("/");
        await Expect(landing.Page.Locator($"#live [data-programme='{programme}'] .card-title")).ToHaveTextAsync(Title);
        await using var resident = await fixture.OpenAsync(Viewport.Phone);
        await resident.GotoAsync($"/district.html?code={District}");
        await Expect(resident.Page.Locator($"#programmes [data-programme='{programme}'] .card-title")).ToHaveTextAsync(Title);
        await using var admins = await fixture.OpenAsync(Viewport.Desktop);
        await admins.GotoAsync("/admin.html", waitForConnection: false);
        await admins.SignInAsync("admin");
        await Expect(admins.Page.Locator($"#programme-list [data-programme='{programme}']")).ToContainTextAsync(Title);

        // Ended: both questions become follow-ups; the department answers one with markup in it.
        await backstage.EndAsync(programme);
        var caseId = $"{programme}.{asked}";
        using var minzheng = await fixture.Api.AsAsync("minzheng");
        await Eventually.Until(async () => (await minzheng.GetAsync($"/api/followups/{caseId}")).IsSuccessStatusCode, ok => ok, "the follow-up case");
        (await minzheng.PostAsJsonAsync($"/api/followups/{caseId}/answer", new { text = Answer })).EnsureSuccessStatusCode();

        await using var citizen = await fixture.OpenAsync(Viewport.Phone);
        await citizen.GotoAsync($"/followup.html?case={caseId}", waitForConnection: false);
        await Expect(citizen.Page.Locator("#case .case-text")).ToHaveTextAsync(Question);
        await Expect(citizen.Page.Locator("#case .answer-text")).ToHaveTextAsync(Answer);
        await Expect(citizen.Page.Locator("#case")).ToContainTextAsync(Nickname);
        await citizen.GotoAsync($"/followup.html?programme={programme}", waitForConnection: false);
        await Expect(citizen.Page.Locator("#cases li.case")).ToHaveCountAsync(2);
        await AssertIsolatedAsync(citizen, "#cases li.case .case-text");
        await using var department = await fixture.OpenAsync(Viewport.Desktop);
        await department.GotoAsync("/department.html", waitForConnection: false);
        await department.SignInAsync("minzheng");
        await Expect(department.Page.Locator("#answered-cases li.case", new() { HasText = "低保怎么申请" }).Locator(".answer-text")).ToHaveTextAsync(Answer);

        foreach (var user in new[] { viewer, host, landing, resident, admins, citizen, department })
        {
            Assert.False(await user.InjectionRanAsync(), $"an injected script ran on {user.Page.Url}");
            await Expect(user.Page.Locator("img[src='x'], main script, main iframe, main b")).ToHaveCountAsync(0);
            user.AssertNoScriptErrors();
        }
    }

    /// <summary>The element holding the right-to-left question is its own bidi isolate, read right to left, and the
    /// element after it still reads left to right.</summary>
    private static async Task AssertIsolatedAsync(BrowserUser user, string selector)
    {
        var found = await user.Page.EvaluateAsync<string[]>("""
            ([selector, text]) => {
              const node = [...document.querySelectorAll(selector)].find((n) => n.textContent.startsWith(text));
              if (!node) return ["missing"];
              const next = node.nextElementSibling;
              return [getComputedStyle(node).unicodeBidi, getComputedStyle(node).direction, next ? getComputedStyle(next).direction : "ltr"];
            }
            """, new[] { selector, RightToLeft });
        Assert.Equal(["isolate", "rtl", "ltr"], found);
    }
}
