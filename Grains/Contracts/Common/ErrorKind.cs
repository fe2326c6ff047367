namespace Realtime.Contracts.Common;

/// <summary>Why a grain refused a command; the edges map it to HTTP / hub / gRPC errors.</summary>
public enum ErrorKind
{
    None = 0,
    /// <summary>The addressed district, community, programme or question does not exist.</summary>
    NotFound = 1,
    /// <summary>The command is valid but not in the current state (HTTP 409).</summary>
    InvalidState = 2,
    /// <summary>The input itself is wrong (HTTP 400); <see cref="Result{T}.Field"/> names the field.</summary>
    Invalid = 3,
    /// <summary>The caller may not do this (HTTP 403).</summary>
    Forbidden = 4,
    /// <summary>Too many requests from this caller (HTTP 429).</summary>
    RateLimited = 5,
    /// <summary>Storage cannot be reached right now; nothing was accepted, try again (HTTP 503).</summary>
    Unavailable = 6,
    /// <summary>The caller has no (valid) identity; get a viewer token or sign in (HTTP 401).</summary>
    Unauthorized = 7,
}
