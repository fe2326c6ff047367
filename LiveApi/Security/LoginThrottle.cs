using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Realtime.LiveApi.Security;

/// <summary>
/// Failed staff logins, counted per user name and per client address in fixed windows of
/// <see cref="ClientLimitSettings.LoginLockout"/>: past the limit, that name (or address) is locked until its window
/// ends, even with the right password; afterwards the real password works again. Successful logins cost nothing.
/// </summary>
public sealed class LoginThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _names;
    private readonly PartitionedRateLimiter<string> _addresses;

    public LoginThrottle(IOptions<ClientLimitSettings> options)
    {
        var s = options.Value;
        _names = Failures(s.LoginFailuresPerName, s.LoginLockout);
        _addresses = Failures(s.LoginFailuresPerAddress, s.LoginLockout);
    }

    /// <summary>Null when this name may try from this address now; otherwise how long it stays locked.</summary>
    public TimeSpan? Locked(string name, IPAddress? client) =>
        Check(_names, NameKey(name), permits: 0) ?? Check(_addresses, ClientLimits.ClientKey(client), permits: 0);

    /// <summary>Counts a wrong password (or unknown name) against both the name and the address.</summary>
    public void Failed(string name, IPAddress? client)
    {
        Check(_names, NameKey(name), permits: 1);
        Check(_addresses, ClientLimits.ClientKey(client), permits: 1);
    }

    public static string RefusalMessage(TimeSpan wait) =>
        $"登录失败次数过多，该账号或网络已暂时锁定，请 {Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes))} 分钟后再试。";

    private static string NameKey(string name) => name.Trim().ToLowerInvariant();

    private static TimeSpan? Check(PartitionedRateLimiter<string> limiter, string key, int permits)
    {
        using var lease = limiter.AttemptAcquire(key, permits);
        if (lease.IsAcquired)
            return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
    }

    private static PartitionedRateLimiter<string> Failures(int limit, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit,
            Window = window,
            QueueLimit = 0,
        }));

    public void Dispose()
    {
        _names.Dispose();
        _addresses.Dispose();
    }
}
