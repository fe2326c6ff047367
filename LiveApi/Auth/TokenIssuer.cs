using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Realtime.LiveApi.Auth;

/// <summary>Issues the JWTs LiveApi hands to staff at login and to anonymous viewers.</summary>
public sealed class TokenIssuer(IOptions<AuthSettings> options, TimeProvider clock)
{
    public const string ProgrammeClaim = "programme";
    public const string DepartmentClaim = "department";

    private readonly JsonWebTokenHandler _handler = new();

    public static SymmetricSecurityKey KeyOf(AuthSettings settings) => new(Encoding.UTF8.GetBytes(settings.SigningKey));

    public IssuedToken ForStaff(ConfiguredUser user)
    {
        var claims = new List<Claim>
        {
            new(JwtRegisteredClaimNames.Sub, "staff:" + user.Name),
            new(JwtRegisteredClaimNames.Name, user.DisplayName ?? user.Name),
        };
        claims.AddRange(user.Roles.Select(r => new Claim(options.Value.RoleClaim, r)));
        claims.AddRange(user.Programmes.Select(p => new Claim(ProgrammeClaim, p)));
        if (user.Department is { Length: > 0 } department)
            claims.Add(new Claim(DepartmentClaim, department));
        return Issue(claims, options.Value.StaffTokenLifetime);
    }

    public IssuedToken ForViewer(string viewerId) => Issue(
        [new(JwtRegisteredClaimNames.Sub, "viewer:" + viewerId), new(options.Value.RoleClaim, Roles.Viewer)],
        options.Value.ViewerTokenLifetime);

    private IssuedToken Issue(IEnumerable<Claim> claims, TimeSpan lifetime)
    {
        var now = clock.GetUtcNow();
        var settings = options.Value;
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime.AddSeconds(-5),
            Expires = (now + lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(KeyOf(settings), SecurityAlgorithms.HmacSha256),
        });
        return new IssuedToken(token, now + lifetime);
    }
}

public sealed record IssuedToken(string AccessToken, DateTimeOffset ExpiresAt);
