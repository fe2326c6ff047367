using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Realtime.Contracts.LiveStreams;
using Realtime.LiveApi.Auth;
using Realtime.LiveApi.Media;

namespace Realtime.LiveApi.Apis;

/// <summary>
/// Live streams: admins open one per programme and watch its health; viewers play /live/{programme}/master.m3u8.
/// Playlists come from this host's memory (<see cref="LivePlaylists"/>) with ETags and at most one segment's caching;
/// segments are immutable and streamed from storage, so a CDN can sit in front of both.
/// </summary>
public static partial class LiveStreamsApi
{
    /// <summary>The public side of a programme's live stream; Stream is null while none is open.</summary>
    public sealed record PlaybackView(LivePlayback? Stream);

    public static IEndpointRouteBuilder MapLiveStreamsApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/programmes/{id}/live-stream").WithTags("Live streams").RequireAuthorization(Policies.Admin);
        admin.MapPost("/", Open).WithSummary("开启直播流（管理员）：分配转码节点，返回 SRT 推流地址与密码");
        admin.MapGet("/", Get).WithSummary("直播流的状态、推流地址与密码、信号健康（管理员）");
        app.MapGet("/api/programmes/{id}/playback", Playback).WithTags("Live streams").WithSummary("直播播放信息（未开启时 stream 为 null）");
        app.MapMethods("/live/{id}/{**path}", ["GET", "HEAD"], Serve).WithTags("Live streams")
            .WithSummary("直播与直播回放：播放列表（内存，ETag）与分片（不可变）");
        return app;
    }

    private static async Task<Results<Created<LiveStream>, ProblemHttpResult>> Open(string id, IGrainFactory grains)
    {
        if (!Identifiers.ProgrammeId().IsMatch(id))
            return ResultMapping.NotFound($"节目 {id} 不存在。");
        var opened = await grains.GetGrain<ILiveStreamGrain>(id).Open();
        return opened.IsOk ? TypedResults.Created($"/api/programmes/{id}/live-stream", opened.Value) : opened.ToProblem();
    }

    private static async Task<Results<Ok<LiveStream>, ProblemHttpResult>> Get(string id, IGrainFactory grains) =>
        Identifiers.ProgrammeId().IsMatch(id) && await grains.GetGrain<ILiveStreamGrain>(id).Get() is { } stream
            ? TypedResults.Ok(stream)
            : ResultMapping.NotFound($"节目 {id} 没有开启直播流。");

    private static async Task<Results<Ok<PlaybackView>, ProblemHttpResult>> Playback(string id, IGrainFactory grains) =>
        Identifiers.ProgrammeId().IsMatch(id)
            ? TypedResults.Ok(new PlaybackView((await grains.GetGrain<ILiveStreamGrain>(id).Get())?.ToPlayback()))
            : ResultMapping.NotFound($"节目 {id} 不存在。");

    private static async Task<IResult> Serve(string id, string path, LivePlaylists playlists, IGrainFactory grains, MediaStorage storage,
        HttpContext http, CancellationToken cancellationToken)
    {
        if (!Identifiers.ProgrammeId().IsMatch(id) || !MediaPath().IsMatch(path) || path.Contains("..", StringComparison.Ordinal))
            return ResultMapping.NotFound("没有这个直播文件。");
        if (path.EndsWith(".m3u8", StringComparison.Ordinal))
        {
            var playlist = await playlists.Get(id, path, cancellationToken);
            if (playlist is null)
                return ResultMapping.NotFound("直播还没有开始。");
            // At most one segment's caching while live (players reload about once a segment); closed ones for minutes.
            http.Response.Headers.CacheControl = playlist.Ended ? "public, max-age=300" : "public, max-age=1";
            http.Response.Headers.ETag = playlist.ETag;
            if (http.Request.Headers.IfNoneMatch == playlist.ETag)
                return TypedResults.StatusCode(StatusCodes.Status304NotModified);
            return TypedResults.Bytes(playlist.Bytes, "application/vnd.apple.mpegurl");
        }
        if (await grains.GetGrain<ILiveStreamGrain>(id).Get() is not { PlayableAt: not null } stream)
            return ResultMapping.NotFound("没有这个直播文件。");
        if (!path.EndsWith(".ts", StringComparison.Ordinal))
            return TypedResults.Redirect(storage.PlaybackUrl(stream.Container, path).ToString()); // the download: ranges from storage
        var segment = await storage.OpenRead(stream.Container, path, cancellationToken);
        if (segment is not { } found)
            return ResultMapping.NotFound("没有这个直播文件。");
        http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        http.Response.ContentLength = found.Length;
        return TypedResults.Stream(found.Content, "video/mp2t");
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._\-/]{0,199}$")]
    private static partial Regex MediaPath();
}
