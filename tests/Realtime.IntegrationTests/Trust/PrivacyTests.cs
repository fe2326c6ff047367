using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Realtime.Contracts.Questions;
using Realtime.IntegrationTests.Foundation;
using Realtime.Testing;

namespace Realtime.IntegrationTests.Trust;

/// <summary>Nothing a citizen typed is public before a screener approves it; staff accounts are not citizens.</summary>
[Collection(SharedStackCollection.Name)]
public sealed class PrivacyTests(SharedStack stack)
{
    private const string Secret = "我叫赵某某，住在南湖小区3号楼2单元，电话13812345678，我的低保被停了";

    [Fact]
    public async Task PendingQuestion_OtherViewersCannotReachItByIdOrSimilarity_TheAskerAndStaffCan()
    {
        var programme = await stack.Api.LiveProgrammeAsync("隐私测试：待审核", ["210102"]);
        await using var asker = await DeskClient.ConnectAsync(stack.Api, await Tokens.ViewerAsync(stack.Api));
        await using var other = await DeskClient.ConnectAsync(stack.Api, await Tokens.ViewerAsync(stack.Api));
        var id = (await asker.Submit(programme, Secret)).Value!.Question!.Id;

        // Walking the ids over REST and the hub: a pending question answers as one that does not exist.
        using var http = await ViewerHttp();
        var byId = await http.PostAsync($"/api/programmes/{programme}/questions/{id}/votes", null);
        var missing = await http.PostAsync($"/api/programmes/{programme}/questions/{id + 1000}/votes", null);
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (byId.StatusCode, missing.StatusCode));
        var body = await byId.Content.ReadAsStringAsync();
        Assert.DoesNotContain("低保", body);
        Assert.DoesNotContain("南湖", body);
        var hubVote = await other.Call<PublicQuestion>("Vote", programme, id);
        Assert.Equal(("NotFound", null), (hubVote.Error!.Kind, (object?)hubVote.Value));
        Assert.Equal("NotFound", (await other.Call<PublicQuestion>("Rate", programme, id, 5, null)).Error!.Kind);
        Assert.Equal("NotFound", (await other.Call<PublicQuestion>("Withdraw", programme, id)).Error!.Kind);

        // A similar question from someone else is created; the pending one is never offered to them.
        var similar = await other.Submit(programme, "我叫赵某某，住在南湖小区3号楼，我的低保被停了", ignoreSimilar: false);
        Assert.NotNull(similar.Value!.Question);
        Assert.Empty(similar.Value.Similar);
        var snapshot = (await other.Call<ViewerSnapshot>("Join", programme)).Value!;
        Assert.DoesNotContain(snapshot.Queue, q => q.Id == id);

        // The asker sees it as theirs; staff see everything.
        Assert.Contains((await asker.Call<ViewerSnapshot>("Join", programme)).Value!.Mine, q => q.Id == id && q.Text == Secret);
        using var screener = await stack.Api.AsAsync("screener");
        Assert.Contains(Secret, await screener.GetStringAsync($"/api/programmes/{programme}/moderation"));

        // Once approved it is public and votes count.
        using var admin = await stack.Api.AsAsync("admin");
        (await admin.PostAsJsonAsync($"/api/programmes/{programme}/moderation", new { type = "approve", questionId = id })).EnsureSuccessStatusCode();
        Assert.Equal(1, (await other.Call<PublicQuestion>("Vote", programme, id)).Value!.Votes);
    }

    [Theory]
    [InlineData("screener")]
    [InlineData("host")]
    [InlineData("admin")]
    [InlineData("minzheng")]
    public async Task StaffAndDepartmentTokens_CannotSubmitVoteOrRate_Forbidden(string user)
    {
        var programme = await stack.Api.LiveProgrammeAsync("隐私测试：工作人员", ["210102"]);
        using var staff = await stack.Api.AsAsync(user);
        var submit = await staff.PostAsJsonAsync($"/api/programmes/{programme}/questions",
            new { requestId = "r1", text = "工作人员代替观众提问", communityCode = "210102001001" });
        Assert.Equal(HttpStatusCode.Forbidden, submit.StatusCode);
        Assert.Contains("观众身份", await submit.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsync($"/api/programmes/{programme}/questions/1/votes", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync($"/api/programmes/{programme}/questions/1/rating", new { score = 5 })).StatusCode);

        await using var hub = await DeskClient.ConnectAsync(stack.Api, staff.DefaultRequestHeaders.Authorization!.Parameter);
        Assert.Equal("Forbidden", (await hub.Submit(programme, "工作人员代替观众提问")).Error!.Kind);
        Assert.Equal(0, (await hub.Call<ViewerSnapshot>("Join", programme)).Value!.Status.Counts.Total);
    }

    [Fact]
    public async Task PhoneInCaller_PublicSeesSurnameAndSalutation_StaffSeeTheFullEntry()
    {
        var programme = await stack.Api.LiveProgrammeAsync("隐私测试：来电", ["210102"]);
        using var admin = await stack.Api.AsAsync("admin");
        (await admin.PostAsJsonAsync($"/api/programmes/{programme}/moderation", new
        {
            type = "enter-call", requestId = "call-1", source = "Phone", callerName = "李建国先生 13912345678",
            callerLocation = "和平区南湖街道", text = "社区助餐点的收费标准是多少？", communityCode = "210102001001",
        })).EnsureSuccessStatusCode();

        using var anyone = stack.Api.CreateClient();
        var desk = await anyone.GetStringAsync($"/api/programmes/{programme}/desk");
        Assert.Contains("\"askerName\":\"李先生\"", desk);
        Assert.DoesNotContain("李建国", desk);
        Assert.DoesNotContain("1391234", desk);
        Assert.Contains("李建国先生 13912345678", await admin.GetStringAsync($"/api/programmes/{programme}/moderation"));

        // Ended without being reached: the public follow-up list masks the caller too.
        (await admin.PostAsync($"/api/programmes/{programme}/end", null)).EnsureSuccessStatusCode();
        var cases = await Eventually.Until(() => anyone.GetStringAsync($"/api/programmes/{programme}/followups"),
            json => json.Contains("李先生", StringComparison.Ordinal), "the follow-up case of the call");
        Assert.DoesNotContain("李建国", cases);
    }

    private async Task<HttpClient> ViewerHttp()
    {
        var http = stack.Api.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Tokens.ViewerAsync(stack.Api));
        return http;
    }
}
