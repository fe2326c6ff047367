using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Realtime.LiveApi.Security;

/// <summary>What a client address is limited in.</summary>
public enum ClientAction
{
    ViewerToken,
    Submit,
    Vote,
    Rate,
}

/// <summary>
/// The per-address budgets of <see cref="ClientLimitSettings"/>, kept in partitioned rate limiters
/// (System.Threading.RateLimiting, as ASP.NET Core's rate limiting middleware uses). Used by every edge through
/// <see cref="Desk.DeskGateway"/> and the token endpoint, so REST and the hubs share one budget per address.
/// </summary>
public sealed class ClientLimits : IDisposable
{
    private readonly Dictionary<ClientAction, PartitionedRateLimiter<string>> _limiters;
    private readonly PartitionedRateLimiter<string> _votesPerQuestion;

    public ClientLimits(IOptions<ClientLimitSettings> options)
    {
        var s = options.Value;
        _limiters = new()
        {
            [ClientAction.ViewerToken] = Window(s.ViewerTokensPer10Minutes, TimeSpan.FromMinutes(10)),
            [ClientAction.Submit] = Window(s.SubmitsPerMinute, TimeSpan.FromMinutes(1)),
            [ClientAction.Vote] = Window(s.VotesPerMinute, TimeSpan.FromMinutes(1)),
            [ClientAction.Rate] = Window(s.RatingsPerMinute, TimeSpan.FromMinutes(1)),
        };
        _votesPerQuestion = Window(s.VotesPerQuestionPerHour, TimeSpan.FromHours(1));
    }

    /// <summary>Takes one permit; null when granted, otherwise how long to wait.</summary>
    public TimeSpan? TryAcquire(ClientAction action, IPAddress? client, string? subject = null)
    {
        var address = ClientKey(client);
        if (Refused(_limiters[action], address) is { } wait)
            return wait;
        return action == ClientAction.Vote && subject is not null ? Refused(_votesPerQuestion, address + "|" + subject) : null;
    }

    /// <summary>IPv6 clients are counted by their /64: one household or phone gets a whole /64 to pick addresses from.</summary>
    public static string ClientKey(IPAddress? client)
    {
        if (client is null)
            return "unknown";
        if (client.IsIPv4MappedToIPv6)
            client = client.MapToIPv4();
        if (client.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
            return client.ToString();
        var bytes = client.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private static TimeSpan? Refused(PartitionedRateLimiter<string> limiter, string key)
    {
        using var lease = limiter.AttemptAcquire(key);
        if (lease.IsAcquired)
            return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(60);
    }

    private static PartitionedRateLimiter<string> Window(int permits, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    public void Dispose()
    {
        foreach (var limiter in _limiters.Values)
            limiter.Dispose();
        _votesPerQuestion.Dispose();
    }

    public static string RefusalMessage(TimeSpan wait) =>
        $"来自您网络的请求过于频繁，请 {Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))} 秒后再试。";
}
