using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Realtime.Testing;

namespace Realtime.IntegrationTests.Trust;

/// <summary>Guessing staff passwords: a name and an address are locked after a few failures, and unlocked after the window.</summary>
[Collection(TrustStackCollection.Name)]
public sealed class LoginThrottleTests(TrustStack stack)
{
    private const string WrongPassword = "Wrong-Pa55word-7f3c";

    [Fact]
    public async Task Login_RepeatedFailures_LockTheNameThenTheRightPasswordWorksAgain_PasswordNeverLogged()
    {
        await using var api = await stack.ExtraLiveApiAsync(new()
        {
            ["Limits__LoginFailuresPerName"] = "3",
            ["Limits__LoginFailuresPerAddress"] = "5",
            // Long enough that four logins fit in it on a busy machine (each hashes a password), short enough to wait out.
            ["Limits__LoginLockout"] = "00:00:20",
        });

        using var guesser = Loopback.From("127.0.0.51", api.BaseAddress);
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await Login(guesser, "screener", WrongPassword)).StatusCode);
        var locked = await Login(guesser, "screener", "screener-demo");
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.True(locked.Headers.RetryAfter?.Delta is { TotalSeconds: > 0 and <= 20 });
        Assert.Contains("暂时锁定", (await locked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        // Locked for the name, from any address; another name is not.
        using var elsewhere = Loopback.From("127.0.0.52", api.BaseAddress);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Login(elsewhere, "screener", "screener-demo")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Login(elsewhere, "host", "host-demo")).StatusCode);

        // After the window the real password works again.
        var back = await Eventually.Until(async () => (await Login(guesser, "screener", "screener-demo")).StatusCode,
            status => status == HttpStatusCode.OK, "the screener's login after the lockout", TimeSpan.FromSeconds(60));
        Assert.Equal(HttpStatusCode.OK, back);

        Assert.True(api.Process!.Printed("Failed staff login for user name screener"), api.Process.Tail());
        Assert.False(api.Process.Printed(WrongPassword), "a failed login must never log the password");
    }

    [Fact]
    public async Task Login_FailuresOverManyNamesFromOneAddress_LockTheAddressOnly()
    {
        await using var api = await stack.ExtraLiveApiAsync(new()
        {
            ["Limits__LoginFailuresPerName"] = "3",
            ["Limits__LoginFailuresPerAddress"] = "5",
            ["Limits__LoginLockout"] = "00:01:00",
        });
        using var sprayer = Loopback.From("127.0.0.53", api.BaseAddress);
        foreach (var name in new[] { "admin", "host", "office", "renshe", "zhangsan" })
            Assert.Equal(HttpStatusCode.Unauthorized, (await Login(sprayer, name, WrongPassword)).StatusCode);

        Assert.Equal(HttpStatusCode.TooManyRequests, (await Login(sprayer, "minzheng", "minzheng-demo")).StatusCode);
        using var colleague = Loopback.From("127.0.0.54", api.BaseAddress);
        Assert.Equal(HttpStatusCode.OK, (await Login(colleague, "minzheng", "minzheng-demo")).StatusCode);
    }

    private static Task<HttpResponseMessage> Login(HttpClient http, string name, string password) =>
        http.PostAsJsonAsync("/api/auth/login", new { name, password });
}
