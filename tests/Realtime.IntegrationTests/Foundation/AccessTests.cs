using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Realtime.Contracts.Districts;
using Realtime.Contracts.Programmes;
using Realtime.Testing;

namespace Realtime.IntegrationTests.Foundation;

[Collection(SharedStackCollection.Name)]
public sealed class AccessTests(SharedStack stack)
{
    public static TheoryData<string> AdminEndpoints => new()
    {
        "/api/programmes",
        "/api/programmes/demo/live",
        "/api/programmes/demo/end",
        "/api/programmes/demo/archive",
    };

    [Theory]
    [MemberData(nameof(AdminEndpoints))]
    public async Task AdminEndpoint_Anonymous_Returns401(string url)
    {
        var response = await stack.Api.CreateClient().PostAsJsonAsync(url, ApiClient.ProgrammeBody(), ApiClient.Json);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(AdminEndpoints))]
    public async Task AdminEndpoint_ViewerOrScreener_Returns403(string url)
    {
        using var http = stack.Api.CreateClient();
        var viewer = await (await http.PostAsync("/api/auth/viewer", null)).Content.ReadFromJsonAsync<JsonElement>();
        using var asViewer = stack.Api.CreateClient();
        asViewer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", viewer.GetProperty("accessToken").GetString());
        using var asScreener = await stack.Api.AsAsync("screener");

        Assert.Equal(HttpStatusCode.Forbidden, (await asViewer.PostAsJsonAsync(url, ApiClient.ProgrammeBody(), ApiClient.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await asScreener.PostAsJsonAsync(url, ApiClient.ProgrammeBody(), ApiClient.Json)).StatusCode);
    }

    [Fact]
    public async Task Login_WrongPassword_Returns401_AndATokenSignedByOneHostWorksOnTheOther()
    {
        using var http = stack.LiveApis[0].CreateClient();
        var wrong = await http.PostAsJsonAsync("/api/auth/login", new { name = "admin", password = "guess" });
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);

        var token = await http.LoginAsync("admin");
        using var other = stack.LiveApis[1].CreateClient();
        other.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var created = await other.PostAsJsonAsync("/api/programmes", ApiClient.ProgrammeBody("跨主机令牌"), ApiClient.Json);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    [Fact]
    public async Task GrpcHealth_OverH2c_AnswersServing()
    {
        using var channel = GrpcChannel.ForAddress(stack.Api.GrpcAddress);
        var reply = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
    }

    [Fact]
    public async Task Districts_ListsShenyangsThirteenDivisionsWithCommunities()
    {
        var districts = await (await stack.Api.CreateClient().GetAsync("/api/districts")).ReadAsync<DistrictInfo[]>();
        Assert.Equal(13, districts.Length);
        Assert.Equal(
            ["210102", "210103", "210104", "210105", "210106", "210111", "210112", "210113", "210114", "210115", "210123", "210124", "210181"],
            districts.Select(d => d.Code));
        Assert.All(districts, d => Assert.True(d.Communities.Length >= 3, $"{d.Name} has {d.Communities.Length} communities"));
        Assert.Equal(DistrictKind.CountyLevelCity, districts.Single(d => d.Name == "新民市").Kind);
        Assert.Equal(DistrictKind.County, districts.Single(d => d.Name == "法库县").Kind);

        var community = await (await stack.Api.CreateClient().GetAsync($"/api/communities/{districts[0].Communities[0].Code}")).ReadAsync<CommunityInfo>();
        Assert.Equal("210102", community.DistrictCode);
    }

    [Fact]
    public async Task LandingPageAndApiDocs_AreServed()
    {
        using var http = stack.Api.CreateClient();
        Assert.Contains("沈阳政务公开直播", await http.GetStringAsync("/"));
        Assert.Contains("\"openapi\"", await http.GetStringAsync("/openapi/v1.json"));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api-docs/index.html")).StatusCode);
        var series = await (await http.GetAsync("/api/series")).ReadAsync<JsonElement[]>();
        Assert.Equal(5, series.Length);
    }
}
