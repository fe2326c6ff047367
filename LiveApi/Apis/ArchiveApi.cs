using System.Collections.Immutable;
using Microsoft.AspNetCore.Http.HttpResults;
using Realtime.Contracts.Media;
using Realtime.Contracts.Programmes;
using Realtime.Contracts.Questions;
using Realtime.LiveApi.Media;

namespace Realtime.LiveApi.Apis;

/// <summary>The public archive: search, one programme with its chapters, and playback through short-lived SAS redirects.</summary>
public static class ArchiveApi
{
    public sealed record ArchiveItem(ArchiveEntry Entry, string PlaylistUrl, string? DownloadUrl, string? PosterUrl, string? StoryboardUrl);

    public sealed record ArchiveDetail(ArchiveItem Item, ImmutableArray<TimelineEntry> Chapters);

    /// <summary>A programme's replay, or null while none is published: asking is not an error (no 404 in the page's console).</summary>
    public sealed record ReplayView(ArchiveItem? Item);

    public static IEndpointRouteBuilder MapArchiveApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/archive").WithTags("Archive");
        api.MapGet("/", Search).WithSummary("往期节目（分页）：按区县、部门、系列、日期（from/to 或 month=yyyy-MM）与标题和已解答问题的文字检索；由近到远按月，月内按相关度");
        api.MapGet("/{programmeId}", Get).WithSummary("一期往期节目：播放地址、下载、章节（每个已解答的问题）");
        api.MapGet("/{programmeId}/captions.vtt", Captions).WithSummary("回放字幕（WebVTT）：每个上播的问题，从上播到解答");
        app.MapGet("/api/programmes/{programmeId}/replay", Replay).WithTags("Archive")
            .WithSummary("一期节目的回放（未发布时 item 为 null，节目不存在时 404）");
        app.MapMethods("/media/{jobId}/{**path}", ["GET", "HEAD"], Play).WithTags("Archive").WithSummary("播放：重定向到短时有效的只读 SAS 地址");
        return app;
    }

    private static async Task<Results<Ok<PageView<ArchiveItem>>, ProblemHttpResult>> Search(IGrainFactory grains,
        string? district = null, string? department = null, Series? series = null, DateOnly? from = null, DateOnly? to = null,
        string? month = null, string? q = null, int? take = null, string? cursor = null)
    {
        if (q is { Length: > 50 })
            return ResultMapping.BadField("q", "检索词最多 50 个字符。");
        if (district is { Length: > 0 } && !Identifiers.DistrictCode().IsMatch(district))
            return ResultMapping.BadField("district", $"区县代码应为 6 位数字：{district}。");
        var (monthStart, monthError) = Paging.Month(month);
        if (monthError is not null)
            return monthError;
        if (monthStart is { } start)
            (from, to) = (DateOnly.FromDateTime(start.DateTime), DateOnly.FromDateTime(start.AddMonths(1).AddDays(-1).DateTime));
        if (from is not null && to is not null && to < from)
            return ResultMapping.BadField("to", "结束日期 to 不能早于开始日期 from。");
        var query = new ArchiveQuery(NullIfEmpty(district), NullIfEmpty(department), series, from, to, NullIfEmpty(q));
        var key = $"archive|{query.District}|{query.Department}|{query.Series}|{query.From}|{query.To}|{query.Text}";
        var (n, after, error) = Paging.Read(take, cursor, key);
        if (error is not null)
            return error;
        var page = await grains.GetGrain<IArchiveGrain>(IArchiveGrain.Key).Search(query, after, n);
        return TypedResults.Ok(Paging.View(page, key, Item));
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static async Task<Results<Ok<ArchiveDetail>, ProblemHttpResult>> Get(string programmeId, IGrainFactory grains)
    {
        var entry = Identifiers.ProgrammeId().IsMatch(programmeId) ? await grains.GetGrain<IArchiveGrain>(IArchiveGrain.Key).Get(programmeId) : null;
        if (entry is null)
            return ResultMapping.NotFound($"节目 {programmeId} 还没有发布录像。");
        var timeline = await Timeline(programmeId, entry.Recording, grains);
        return TypedResults.Ok(new ArchiveDetail(Item(entry), [.. timeline.Where(t => t.Status == QuestionStatus.Answered)]));
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Captions(string programmeId, IGrainFactory grains, HttpContext http)
    {
        var entry = Identifiers.ProgrammeId().IsMatch(programmeId) ? await grains.GetGrain<IArchiveGrain>(IArchiveGrain.Key).Get(programmeId) : null;
        if (entry is null)
            return ResultMapping.NotFound($"节目 {programmeId} 还没有发布录像。");
        var timeline = await Timeline(programmeId, entry.Recording, grains);
        http.Response.Headers.CacheControl = "public, max-age=60";
        return TypedResults.Text(CaptionTrack.Build(timeline,
            entry.Recording.DurationSeconds > 0 ? entry.Recording.DurationSeconds : null), "text/vtt; charset=utf-8");
    }

    private static async Task<Results<Ok<ReplayView>, ProblemHttpResult>> Replay(string programmeId, IGrainFactory grains)
    {
        if (!Identifiers.ProgrammeId().IsMatch(programmeId) || await grains.GetGrain<IProgrammeGrain>(programmeId).Get() is null)
            return ResultMapping.NotFound($"节目 {programmeId} 不存在。");
        var entry = await grains.GetGrain<IArchiveGrain>(IArchiveGrain.Key).Get(programmeId);
        return TypedResults.Ok(new ReplayView(entry is null ? null : Item(entry)));
    }

    private static async Task<Results<RedirectHttpResult, ContentHttpResult, ProblemHttpResult>> Play(string jobId, string path,
        IGrainFactory grains, MediaStorage storage, HttpContext http, CancellationToken cancellationToken)
    {
        if (jobId.Length is < 1 or > 40 || !jobId.All(char.IsAsciiHexDigitLower) || path.Contains("..", StringComparison.Ordinal) || path.Length > 200)
            return ResultMapping.NotFound("没有这个媒体文件。");
        var job = await grains.GetGrain<IMediaJobGrain>(jobId).Get();
        // Playable when finished, or early while transcoding once the worker has published the first segments.
        if (job is null || (job.State != MediaJobState.Succeeded && job.PlayableAt is null))
            return ResultMapping.NotFound("这段录像还没有发布。");
        if (job.SupersededBy is not null)
            return ResultMapping.NotFound("这段录像已被新的录像替换，请重新打开这期节目。");
        if (path.EndsWith(".m3u8", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".vtt", StringComparison.OrdinalIgnoreCase))
        {
            // Small text files: served here with their references made absolute (see PlaylistRewriter).
            var text = await storage.ReadText(job.OutputContainer, path, cancellationToken);
            if (text is null)
                return ResultMapping.NotFound("没有这个媒体文件。");
            // A playlist still growing must be read again by players; a finished one may be kept a while.
            http.Response.Headers.CacheControl = job.State == MediaJobState.Succeeded ? "public, max-age=300" : "no-cache";
            var type = path.EndsWith(".vtt", StringComparison.OrdinalIgnoreCase) ? "text/vtt" : "application/vnd.apple.mpegurl";
            return TypedResults.Text(PlaylistRewriter.Rewrite(text, jobId, path), type);
        }
        return TypedResults.Redirect(storage.PlaybackUrl(job.OutputContainer, path).ToString());
    }

    /// <summary>
    /// The on-air timeline in the recording's own seconds. The desk counts from the programme's start; a live capture
    /// starts at its first segment's PROGRAM-DATE-TIME, so its chapters move by the difference.
    /// </summary>
    private static async Task<ImmutableArray<TimelineEntry>> Timeline(string programmeId, Recording recording, IGrainFactory grains)
    {
        var timeline = (await grains.GetGrain<IQuestionDeskGrain>(programmeId).GetTimeline()).Value;
        if (timeline.IsDefault)
            return [];
        if (recording.StartsAt is not { } startsAt || await grains.GetGrain<IProgrammeGrain>(programmeId).Get() is not { StartedAt: { } startedAt })
            return timeline;
        var shift = Math.Round((startedAt - startsAt).TotalSeconds, 1);
        return [.. timeline.Select(t => t with
        {
            OnAirSeconds = Math.Max(0, t.OnAirSeconds + shift),
            AnsweredSeconds = t.AnsweredSeconds is { } answered ? Math.Max(0, answered + shift) : null,
        })];
    }

    private static ArchiveItem Item(ArchiveEntry entry)
    {
        var r = entry.Recording;
        string? Url(string? path) => path is null ? null : r.Live ? $"/live/{r.ProgrammeId}/{path}" : $"/media/{r.JobId}/{path}";
        return new ArchiveItem(entry, Url(r.MasterPath)!, Url(r.DownloadPath), Url(r.PosterPath), Url(r.StoryboardPath));
    }
}
