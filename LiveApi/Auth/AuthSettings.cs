using System.ComponentModel.DataAnnotations;

namespace Realtime.LiveApi.Auth;

/// <summary>
/// Authentication (section "Auth"). LiveApi issues signed JWTs for configured users and anonymous viewers; to use an
/// external identity provider instead, set <see cref="Authority"/> (and <see cref="Audience"/>): no code changes.
/// </summary>
public sealed class AuthSettings
{
    public const string Section = "Auth";

    /// <summary>HMAC key for the tokens LiveApi issues; at least 32 characters, the same on every LiveApi host.</summary>
    [Required, MinLength(32)] public string SigningKey { get; set; } = "";

    [Required] public string Issuer { get; set; } = "shenyang-realtime";

    [Required] public string Audience { get; set; } = "shenyang-realtime";

    /// <summary>External OpenID Connect authority whose tokens are also accepted. Empty: none.</summary>
    public string? Authority { get; set; }

    /// <summary>The claim that carries roles in external tokens. Default "role".</summary>
    [Required] public string RoleClaim { get; set; } = "role";

    /// <summary>Lifetime of staff tokens. Default 12 hours (a broadcast day).</summary>
    public TimeSpan StaffTokenLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Lifetime of anonymous viewer tokens. Default 30 days, so a viewer stays the same person.</summary>
    public TimeSpan ViewerTokenLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Staff accounts with hashed passwords (ASP.NET Core Identity's PBKDF2 format).</summary>
    public List<ConfiguredUser> Users { get; set; } = [];
}

public sealed class ConfiguredUser
{
    [Required] public string Name { get; set; } = "";

    public string? DisplayName { get; set; }

    /// <summary>Produced by `dotnet Realtime.LiveApi.dll hash-password` (reads the password from standard input).</summary>
    [Required] public string PasswordHash { get; set; } = "";

    public List<string> Roles { get; set; } = [];

    /// <summary>For department users: the department code whose follow-up cases they answer.</summary>
    public string? Department { get; set; }

    /// <summary>Programme ids this user may moderate; "*" means every programme.</summary>
    public List<string> Programmes { get; set; } = ["*"];
}
