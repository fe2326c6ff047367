using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Realtime.Testing;

namespace Realtime.IntegrationTests.Trust;

/// <summary>Limits hold per client address, whatever tokens the client holds; refusals are 429 with Retry-After.</summary>
[Collection(TrustStackCollection.Name)]
public sealed class ClientLimitTests(TrustStack stack)
{
    [Fact]
    public async Task ViewerTokens_OneAddress_TwentyThen429WithRetryAfter_AnotherAddressUnaffected()
    {
        using var http = Loopback.From("127.0.0.11", stack.Api.BaseAddress);
        for (var i = 0; i < 20; i++)
            (await http.PostAsync("/api/auth/viewer", null)).EnsureSuccessStatusCode();

        var refused = await http.PostAsync("/api/auth/viewer", null);
        await AssertTooManyAsync(refused);
        using var neighbour = Loopback.From("127.0.0.12", stack.Api.BaseAddress);
        Assert.Equal(HttpStatusCode.OK, (await neighbour.PostAsync("/api/auth/viewer", null)).StatusCode);
    }

    [Fact]
    public async Task Votes_ManyTokensFromOneAddress_AddAtMostFiveToOneQuestion()
    {
        var (programme, question) = await ApprovedQuestionAsync("127.0.0.21", "限流测试：投票");
        using var farm = Loopback.From("127.0.0.22", stack.Api.BaseAddress);
        var accepted = 0;
        HttpResponseMessage? refusal = null;
        for (var i = 0; i < 12; i++)
        {
            await UseNewViewerAsync(farm);
            var response = await farm.PostAsync($"/api/programmes/{programme}/questions/{question}/votes", null);
            if (response.IsSuccessStatusCode)
                accepted++;
            else
                refusal ??= response;
        }
        Assert.Equal(5, accepted);
        await AssertTooManyAsync(refusal!);

        using var someoneElse = Loopback.From("127.0.0.23", stack.Api.BaseAddress);
        await UseNewViewerAsync(someoneElse);
        var vote = await (await someoneElse.PostAsync($"/api/programmes/{programme}/questions/{question}/votes", null)).ReadAsync<JsonElement>();
        Assert.Equal(6, vote.GetProperty("votes").GetInt32());
    }

    [Fact]
    public async Task Submits_BannedAskerWithFreshTokens_IsStillLimitedByAddress()
    {
        var programme = await stack.Api.LiveProgrammeAsync("限流测试：被禁止的提问者", ["210102"]);
        using var asker = Loopback.From("127.0.0.31", stack.Api.BaseAddress);
        await UseNewViewerAsync(asker);
        var first = await SubmitAsync(asker, programme, "第一个问题");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var id = (await first.ReadAsync<JsonElement>()).GetProperty("question").GetProperty("id").GetInt64();
        using var admin = await stack.Api.AsAsync("admin");
        (await admin.PostAsJsonAsync($"/api/programmes/{programme}/moderation", new { type = "ban", questionId = id })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Forbidden, (await SubmitAsync(asker, programme, "被禁止后又问")).StatusCode);

        // A new token is a new viewer to the desk, but the address's budget is the same.
        var accepted = 1;
        HttpResponseMessage? refusal = null;
        for (var i = 0; i < TrustStack.SubmitsPerMinute + 2 && refusal is null; i++)
        {
            await UseNewViewerAsync(asker);
            var response = await SubmitAsync(asker, programme, $"换一个身份再问第 {i} 次");
            if (response.IsSuccessStatusCode)
                accepted++;
            else
                refusal = response;
        }
        Assert.Equal(TrustStack.SubmitsPerMinute - 1, accepted); // the refused "被禁止后又问" took a permit too
        await AssertTooManyAsync(refusal!);
    }

    [Fact]
    public async Task ForwardedFor_IgnoredFromUntrustedPeers_BelievedFromConfiguredProxies()
    {
        // Nobody is a trusted proxy here: a forged X-Forwarded-For does not buy a fresh budget.
        using var forger = Loopback.From("127.0.0.41", stack.Api.BaseAddress);
        for (var i = 0; i < 20; i++)
            (await forger.PostAsync("/api/auth/viewer", null)).EnsureSuccessStatusCode();
        using var forged = new HttpRequestMessage(HttpMethod.Post, "/api/auth/viewer") { Headers = { { "X-Forwarded-For", "203.0.113.5" } } };
        Assert.Equal(HttpStatusCode.TooManyRequests, (await forger.SendAsync(forged)).StatusCode);

        // Behind a configured proxy each forwarded client has its own budget, and the proxy itself is not limited.
        await using var behindProxy = await stack.ExtraLiveApiAsync(new() { ["Limits__TrustedProxies__0"] = "127.0.0.42" });
        using var proxy = Loopback.From("127.0.0.42", behindProxy.BaseAddress);
        async Task<HttpStatusCode> TokenFor(string client)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/viewer") { Headers = { { "X-Forwarded-For", client } } };
            return (await proxy.SendAsync(request)).StatusCode;
        }
        for (var i = 0; i < 20; i++)
            Assert.Equal(HttpStatusCode.OK, await TokenFor("203.0.113.7"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await TokenFor("203.0.113.7"));
        Assert.Equal(HttpStatusCode.OK, await TokenFor("203.0.113.8"));
    }

    private async Task<(string Programme, long Question)> ApprovedQuestionAsync(string address, string title)
    {
        var programme = await stack.Api.LiveProgrammeAsync(title, ["210102"]);
        using var asker = Loopback.From(address, stack.Api.BaseAddress);
        await UseNewViewerAsync(asker);
        var id = (await (await SubmitAsync(asker, programme, "请问社区养老驿站怎么收费？")).ReadAsync<JsonElement>())
            .GetProperty("question").GetProperty("id").GetInt64();
        using var admin = await stack.Api.AsAsync("admin");
        (await admin.PostAsJsonAsync($"/api/programmes/{programme}/moderation", new { type = "approve", questionId = id })).EnsureSuccessStatusCode();
        return (programme, id);
    }

    private static async Task UseNewViewerAsync(HttpClient http)
    {
        var issued = await (await http.PostAsync("/api/auth/viewer", null)).ReadAsync<JsonElement>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", issued.GetProperty("accessToken").GetString());
    }

    private static Task<HttpResponseMessage> SubmitAsync(HttpClient http, string programme, string text) =>
        http.PostAsJsonAsync($"/api/programmes/{programme}/questions",
            new { requestId = Guid.NewGuid().ToString("N"), text, communityCode = "210102001001", ignoreSimilar = true });

    private static async Task AssertTooManyAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta is { TotalSeconds: > 0 }, "a 429 says when to try again (Retry-After)");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("秒后再试", problem.GetProperty("detail").GetString());
    }
}
