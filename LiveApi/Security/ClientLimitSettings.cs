using System.ComponentModel.DataAnnotations;

namespace Realtime.LiveApi.Security;

/// <summary>
/// Limits per client IP address (section "Limits"), on top of the desk's per-viewer rules: a viewer token is free to
/// mint, so what a person can do must also be bounded by where they connect from. Mobile carriers put many people
/// behind one address, so the defaults are generous for people and tight for scripts. Each LiveApi host counts for
/// itself: behind a load balancer that spreads one client over N hosts, the effective limit is up to N times this.
/// </summary>
public sealed class ClientLimitSettings
{
    public const string Section = "Limits";

    /// <summary>Viewer tokens one address may obtain per 10 minutes. Default 20.</summary>
    [Range(1, 1_000_000)] public int ViewerTokensPer10Minutes { get; set; } = 20;

    /// <summary>Questions one address may submit per minute, over all programmes. Default 20.</summary>
    [Range(1, 1_000_000)] public int SubmitsPerMinute { get; set; } = 20;

    /// <summary>"我也想问" votes one address may cast per minute. Default 60.</summary>
    [Range(1, 1_000_000)] public int VotesPerMinute { get; set; } = 60;

    /// <summary>Votes one address may add to the same question per hour, whatever tokens it holds. Default 5.</summary>
    [Range(1, 1_000_000)] public int VotesPerQuestionPerHour { get; set; } = 5;

    /// <summary>Ratings one address may give per minute. Default 20.</summary>
    [Range(1, 1_000_000)] public int RatingsPerMinute { get; set; } = 20;

    /// <summary>Failed logins per user name before it is locked for <see cref="LoginLockout"/>. Default 5.</summary>
    [Range(1, 1000)] public int LoginFailuresPerName { get; set; } = 5;

    /// <summary>Failed logins per address (any user name) before the address is locked. Default 20.</summary>
    [Range(1, 100_000)] public int LoginFailuresPerAddress { get; set; } = 20;

    /// <summary>How long failures are remembered and how long a lockout lasts. Default 15 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan LoginLockout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Reverse proxies (addresses or CIDR networks, e.g. "10.0.0.0/8") whose X-Forwarded-For names the client.
    /// Empty (the default): the client is the address that connected, and forwarded headers are ignored.
    /// </summary>
    public List<string> TrustedProxies { get; set; } = [];
}
