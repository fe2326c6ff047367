using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Realtime.Contracts.Questions;
using Realtime.LiveApi.Auth;
using Realtime.LiveApi.Desk;
using Realtime.LiveApi.Push;
using Realtime.LiveApi.Security;

namespace Realtime.LiveApi.Hubs;

/// <summary>
/// The question desk over SignalR. Thin: every method checks who calls and hands a command to the desk grain through
/// <see cref="DeskGateway"/>. Every method answers a <see cref="DeskReply{T}"/> instead of throwing, so clients get a
/// typed error (kind, message, field, state). Join / Moderate return the snapshot after joining the group, so no
/// change falls between the snapshot and the first push; clients call them again after a reconnect.
/// </summary>
public sealed class DeskHub(DeskGateway gateway, ViewerCounter viewers) : Hub<IDeskClient>
{
    // ---- viewers -------------------------------------------------------------------------------------------------

    public async Task<DeskReply<ViewerSnapshot>> Join(string programmeId)
    {
        if (!DeskGateway.IsProgrammeId(programmeId))
            return DeskReply.From(DeskGateway.UnknownProgramme<ViewerSnapshot>(programmeId));
        await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Desk(programmeId));
        var snapshot = await DeskGateway.Guarded(() => gateway.Desk(programmeId).GetViewerSnapshot(DeskActors.From(Context.User!)?.Id));
        if (snapshot.IsOk)
        {
            if (Joined.Add(programmeId))
                viewers.Join(programmeId);
        }
        else
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, HubGroups.Desk(programmeId));
        return DeskReply.From(snapshot);
    }

    public async Task Leave(string programmeId)
    {
        if (Joined.Remove(programmeId ?? ""))
            viewers.Leave(programmeId!);
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, HubGroups.Desk(programmeId ?? ""));
    }

    public async Task<DeskReply<SubmitOutcome>> Submit(string programmeId, SubmitQuestion question) =>
        question is null
            ? DeskReply.Fail<SubmitOutcome>("Invalid", "缺少问题内容。", "question")
            : DeskReply.From(await gateway.AsViewer(Caller, programmeId, ClientAction.Submit, (desk, actor) => desk.Submit(actor, question)));

    public async Task<DeskReply<PublicQuestion>> Vote(string programmeId, long questionId) =>
        DeskReply.From(await gateway.AsViewer(Caller, programmeId, ClientAction.Vote, (desk, actor) => desk.Vote(actor, questionId),
            questionId.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public async Task<DeskReply<PublicQuestion>> Withdraw(string programmeId, long questionId) =>
        DeskReply.From(await gateway.AsViewer(Caller, programmeId, null, (desk, actor) => desk.Withdraw(actor, questionId)));

    public async Task<DeskReply<PublicQuestion>> Rate(string programmeId, long questionId, int score, string? comment) =>
        DeskReply.From(await gateway.AsViewer(Caller, programmeId, ClientAction.Rate, (desk, actor) => desk.Rate(actor, questionId, score, comment)));

    // ---- screeners and hosts -------------------------------------------------------------------------------------

    [Authorize(Roles = "screener,host,admin")]
    public async Task<DeskReply<ModeratorSnapshot>> Moderate(string programmeId)
    {
        if (!DeskActors.MayModerate(Context.User!, programmeId ?? ""))
            return DeskReply.NotModerator<ModeratorSnapshot>(programmeId ?? "");
        await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.DeskStaff(programmeId!));
        return DeskReply.From(await gateway.AsModerator(Context.User!, programmeId!, desk => desk.GetModeratorSnapshot()));
    }

    [Authorize(Roles = "screener,host,admin")]
    public Task<DeskReply<DeskStatus>> Approve(string programmeId, long questionId) => Run(programmeId, new Approve(questionId));

    [Authorize(Roles = "screener,host,admin")]
    public Task<DeskReply<DeskStatus>> Reject(string programmeId, long questionId, string reason) => Run(programmeId, new Reject(questionId, reason ?? ""));

    [Authorize(Roles = "screener,host,admin")]
    public Task<DeskReply<DeskStatus>> Edit(string programmeId, long questionId, string text) => Run(programmeId, new Edit(questionId, text ?? ""));

    [Authorize(Roles = "screener,host,admin")]
    public Task<DeskReply<DeskStatus>> Merge(string programmeId, long questionId, long intoQuestionId) =>
        Run(programmeId, new Merge(questionId, intoQuestionId));

    [Authorize(Roles = "screener,host,admin")]
    public Task<DeskReply<DeskStatus>> Note(string programmeId, long questionId, string note) => Run(programmeId, new AddNote(questionId, note ?? ""));

    [Authorize(Roles = "screener,host,admin")]
    public Task<DeskReply<DeskStatus>> EnterCall(string programmeId, EnterCall call) =>
        call is null ? Task.FromResult(DeskReply.Fail<DeskStatus>("Invalid", "缺少来电信息。", "call")) : Run(programmeId, call);

    [Authorize(Roles = "screener,host,admin")]
    public Task<DeskReply<DeskStatus>> Ban(string programmeId, long questionId) => Run(programmeId, new BanAsker(questionId));

    [Authorize(Roles = "screener,host,admin")]
    public Task<DeskReply<DeskStatus>> Reorder(string programmeId, long questionId, long? afterQuestionId) =>
        Run(programmeId, new Reorder(questionId, afterQuestionId));

    [Authorize(Roles = "screener,host,admin")]
    public Task<DeskReply<DeskStatus>> MarkNext(string programmeId, long? questionId) => Run(programmeId, new MarkNext(questionId));

    [Authorize(Roles = "screener,host,admin")]
    public Task<DeskReply<DeskStatus>> PutOnAir(string programmeId, long questionId) => Run(programmeId, new PutOnAir(questionId));

    [Authorize(Roles = "screener,host,admin")]
    public Task<DeskReply<DeskStatus>> MarkAnswered(string programmeId, long questionId) => Run(programmeId, new MarkAnswered(questionId));

    [Authorize(Roles = "screener,host,admin")]
    public Task<DeskReply<DeskStatus>> SendToFollowUp(string programmeId, long questionId) => Run(programmeId, new SendToFollowUp(questionId));

    [Authorize(Roles = "screener,host,admin")]
    public Task<DeskReply<DeskStatus>> Pause(string programmeId) => Run(programmeId, new SetPaused(true));

    [Authorize(Roles = "screener,host,admin")]
    public Task<DeskReply<DeskStatus>> Resume(string programmeId) => Run(programmeId, new SetPaused(false));

    [Authorize(Roles = "screener,host,admin")]
    public Task<DeskReply<DeskStatus>> SetSlowMode(string programmeId, int seconds) => Run(programmeId, new SetSlowMode(seconds));

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        foreach (var programmeId in Joined)
            viewers.Leave(programmeId);
        return base.OnDisconnectedAsync(exception);
    }

    /// <summary>The caller and the client address of the connection's first request (after trusted proxies).</summary>
    private Caller Caller => new(Context.User!, Context.GetHttpContext()?.Connection.RemoteIpAddress);

    /// <summary>The programmes this connection joined, kept with the connection itself.</summary>
    private HashSet<string> Joined => Context.Items.TryGetValue(nameof(Joined), out var set)
        ? (HashSet<string>)set!
        : (HashSet<string>)(Context.Items[nameof(Joined)] = new HashSet<string>(StringComparer.Ordinal));

    private async Task<DeskReply<DeskStatus>> Run(string programmeId, ModerationCommand command) =>
        DeskReply.From(await gateway.Moderate(Context.User!, programmeId, command));
}
