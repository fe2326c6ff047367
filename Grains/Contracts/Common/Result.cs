namespace Realtime.Contracts.Common;

/// <summary>
/// The outcome of a grain command. Grains return refusals as values rather than exceptions so that
/// every edge can turn them into a precise, user-facing error without catching anything.
/// </summary>
[GenerateSerializer, Immutable, Alias("Realtime.Outcome`1")]
public sealed record Result<T>(
    [property: Id(0)] T? Value,
    [property: Id(1)] ErrorKind Error,
    [property: Id(2)] string? Message,
    [property: Id(3)] string? Field = null,
    [property: Id(4)] string? State = null,
    [property: Id(5)] int? RetryAfterSeconds = null)
{
    public bool IsOk => Error == ErrorKind.None;

    public static Result<T> Ok(T value) => new(value, ErrorKind.None, null);

    public static Result<T> NotFound(string message) => new(default, ErrorKind.NotFound, message);

    public static Result<T> Invalid(string field, string message) => new(default, ErrorKind.Invalid, message, field);

    public static Result<T> WrongState(string state, string message) =>
        new(default, ErrorKind.InvalidState, message, State: state);

    public static Result<T> Forbidden(string message) => new(default, ErrorKind.Forbidden, message);

    /// <summary>Too many requests; <paramref name="retryAfter"/> says when to try again (HTTP Retry-After).</summary>
    public static Result<T> RateLimited(string message, TimeSpan? retryAfter = null) => new(default, ErrorKind.RateLimited, message,
        RetryAfterSeconds: retryAfter is { } wait ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : null);

    public static Result<T> Unavailable(string message) => new(default, ErrorKind.Unavailable, message);

    /// <summary>Carries a refusal over to a result of another type.</summary>
    public Result<TOther> As<TOther>() => new(default, Error, Message, Field, State, RetryAfterSeconds);
}
