using Realtime.Contracts.Common;

namespace Realtime.LiveApi.Desk;

/// <summary>The typed answer of every desk hub method: a value, or an error a client can act on.</summary>
public sealed record DeskReply<T>(bool Ok, T? Value, DeskError? Error);

/// <summary>
/// Kind is NotFound, InvalidState, Invalid, Forbidden, RateLimited, Unavailable or Unauthorized; RetryAfter (seconds)
/// comes with RateLimited.
/// </summary>
public sealed record DeskError(string Kind, string Message, string? Field = null, string? State = null, int? RetryAfter = null);

public static class DeskReply
{
    public static DeskReply<T> From<T>(Result<T> result) => result.IsOk
        ? new(true, result.Value, null)
        : new(false, default, new DeskError(result.Error.ToString(), result.Message ?? "", result.Field, result.State, result.RetryAfterSeconds));

    public static DeskReply<T> Fail<T>(string kind, string message, string? field = null) =>
        new(false, default, new DeskError(kind, message, field));

    public static DeskReply<T> NotModerator<T>(string programmeId) =>
        Fail<T>(ErrorKind.Forbidden.ToString(), $"您没有管理节目 {programmeId} 的权限。");
}
