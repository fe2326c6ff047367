using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Realtime.Contracts.Common;

namespace Realtime.LiveApi.Apis;

/// <summary>One page of a list as the API returns it: pass <see cref="Next"/> back as <c>cursor</c>; null at the end.</summary>
public sealed record PageView<T>(T[] Items, string? Next);

/// <summary>
/// The paging contract of every list: <c>take</c> 1–100 (default 20) and an opaque <c>cursor</c> from the previous page.
/// A cursor names the query it belongs to, so one from another list or other filters is refused rather than misread.
/// </summary>
public static class Paging
{
    public const int DefaultTake = 20;
    public const int MaxTake = 100;

    /// <summary>Reads take and cursor; a refusal names the field.</summary>
    public static (int Take, PagePosition? After, ProblemHttpResult? Error) Read(int? take, string? cursor, string query)
    {
        if (take is < 1 or > MaxTake)
            return (0, null, ResultMapping.BadField("take", $"每页条数 take 应为 1–{MaxTake}。"));
        if (string.IsNullOrEmpty(cursor))
            return (take ?? DefaultTake, null, null);
        var parts = Decode(cursor)?.Split('\n');
        if (parts is not { Length: 3 } || !long.TryParse(parts[1], out var key))
            return (0, null, ResultMapping.BadField("cursor", "游标 cursor 无法识别，请使用上一页返回的 next。"));
        if (parts[0] != Fingerprint(query))
            return (0, null, ResultMapping.BadField("cursor", "游标 cursor 属于另一个查询（列表或筛选条件不同），请从第一页开始。"));
        return (take ?? DefaultTake, new PagePosition(key, parts[2]), null);
    }

    public static PageView<T> View<TItem, T>(Page<TItem> page, string query, Func<TItem, T> map) =>
        new([.. page.Items.Select(map)], page.Next is { } next ? Encode(next, query) : null);

    public static PageView<T> View<T>(Page<T> page, string query) => View(page, query, x => x);

    /// <summary>A month "yyyy-MM" (2000–2099), or a refusal naming the field.</summary>
    public static (DateTimeOffset? Start, ProblemHttpResult? Error) Month(string? month, string field = "month")
    {
        if (month is null)
            return (null, null);
        return ChinaMonths.Start(month) is { } start
            ? (start, null)
            : (null, ResultMapping.BadField(field, "月份应为 yyyy-MM（2000-01 到 2099-12），例如 2026-11。"));
    }

    private static string Encode(PagePosition position, string query) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Fingerprint(query)}\n{position.Key}\n{position.Id}"))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string? Decode(string cursor)
    {
        if (cursor.Length > 400)
            return null;
        var base64 = cursor.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(base64));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string Fingerprint(string query) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(query)))[..12];
}
