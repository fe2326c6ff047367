using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using System.Text;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.SignalR;
using Realtime.Contracts.Questions;
using Realtime.IntegrationTests.Foundation;
using Realtime.LiveApi.Grpc;
using Realtime.Testing;

namespace Realtime.IntegrationTests.Desk;

/// <summary>Every moderation hub method, REST endpoint and gRPC call against anonymous and viewer callers.</summary>
[Collection(SharedStackCollection.Name)]
public sealed class DeskAccessTests(SharedStack stack)
{
    private const string Programme = "p-access-check";

    /// <summary>Each staff hub method with arguments of the right types.</summary>
    public static readonly Dictionary<string, object?[]> StaffMethods = new()
    {
        ["Moderate"] = [Programme],
        ["Approve"] = [Programme, 1L],
        ["Reject"] = [Programme, 1L, "重复问题"],
        ["Edit"] = [Programme, 1L, "改写"],
        ["Merge"] = [Programme, 1L, 2L],
        ["Note"] = [Programme, 1L, "备注"],
        ["EnterCall"] = [Programme, new EnterCall("c1", QuestionSource.Phone, "张", null, "问题", null, null, null)],
        ["Ban"] = [Programme, 1L],
        ["Reorder"] = [Programme, 1L, null],
        ["MarkNext"] = [Programme, 1L],
        ["PutOnAir"] = [Programme, 1L],
        ["MarkAnswered"] = [Programme, 1L],
        ["SendToFollowUp"] = [Programme, 1L],
        ["Pause"] = [Programme],
        ["Resume"] = [Programme],
        ["SetSlowMode"] = [Programme, 10],
    };

    private static readonly string[] ViewerMethods = ["Join", "Leave", "Submit", "Vote", "Withdraw", "Rate", "OnDisconnectedAsync"];

    [Fact]
    public void StaffMethods_CoverEveryModerationMethodOfTheHub()
    {
        // Read from the source, so a hub method added without an entry here fails this test.
        var source = File.ReadAllText(Path.Combine(RepoPaths.Root, "LiveApi", "Hubs", "DeskHub.cs"));
        var methods = Regex.Matches(source, @"public (?:override )?(?:async )?Task(?:<[^(]+>)? (\w+)\(").Select(m => m.Groups[1].Value).ToHashSet();
        Assert.NotEmpty(methods);
        Assert.Equal(methods.Except(ViewerMethods).Order(), StaffMethods.Keys.Order());
    }

    [Fact]
    public async Task EveryModerationHubMethod_AnonymousOrViewer_IsRefused()
    {
        await using var anonymous = await DeskClient.ConnectAsync(stack.Api, null);
        await using var viewer = await DeskClient.ConnectAsync(stack.Api, await Tokens.ViewerAsync(stack.Api));
        foreach (var (method, args) in StaffMethods)
        {
            foreach (var caller in new[] { anonymous, viewer })
            {
                var error = await Assert.ThrowsAsync<HubException>(() => caller.Connection.InvokeCoreAsync(method, typeof(object), args));
                Assert.Contains("unauthorized", error.Message, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    public async Task ModerationEndpoints_AnonymousGet401_ViewersGet403()
    {
        using var anonymous = stack.Api.CreateClient();
        using var viewer = stack.Api.CreateClient();
        viewer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Tokens.ViewerAsync(stack.Api));
        var body = """{"type":"approve","questionId":1}""";
        foreach (var (client, expected) in new[] { (anonymous, HttpStatusCode.Unauthorized), (viewer, HttpStatusCode.Forbidden) })
        {
            Assert.Equal(expected, (await client.GetAsync($"/api/programmes/{Programme}/moderation")).StatusCode);
            Assert.Equal(expected, (await client.GetAsync($"/api/programmes/{Programme}/moderation/log")).StatusCode);
            Assert.Equal(expected, (await client.PostAsync($"/api/programmes/{Programme}/moderation", new StringContent(body, Encoding.UTF8, "application/json"))).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync($"/api/programmes/{Programme}/questions",
            new StringContent("""{"requestId":"r","text":"问题"}""", Encoding.UTF8, "application/json"))).StatusCode);
    }

    [Fact]
    public async Task StudioService_AnonymousIsUnauthenticated_ViewerIsDenied()
    {
        using var channel = GrpcChannel.ForAddress(stack.Api.GrpcAddress);
        var client = new StudioService.StudioServiceClient(channel);
        var viewer = new Metadata { { "authorization", "Bearer " + await Tokens.ViewerAsync(stack.Api) } };
        var request = new ModerateRequest { ProgrammeId = Programme, Type = "approve", QuestionId = 1 };

        Assert.Equal(StatusCode.Unauthenticated, (await Assert.ThrowsAsync<RpcException>(() => client.ModerateAsync(request).ResponseAsync)).StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, (await Assert.ThrowsAsync<RpcException>(() => client.ModerateAsync(request, viewer).ResponseAsync)).StatusCode);
        var watch = client.WatchOnAir(new WatchOnAirRequest { ProgrammeId = Programme }, viewer);
        Assert.Equal(StatusCode.PermissionDenied, (await Assert.ThrowsAsync<RpcException>(() => watch.ResponseStream.MoveNext())).StatusCode);
    }
}
