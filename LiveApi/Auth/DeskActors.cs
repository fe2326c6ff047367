using System.Security.Claims;
using Realtime.Contracts.Questions;

namespace Realtime.LiveApi.Auth;

/// <summary>Turns a token's claims into the desk's <see cref="Actor"/>, and checks per-programme moderation rights.</summary>
public static class DeskActors
{
    public static Actor? From(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true || user.FindFirst("sub")?.Value is not { Length: > 0 } id)
            return null;
        var role = user.IsInRole(Roles.Admin) ? DeskRole.Admin
            : user.IsInRole(Roles.Host) ? DeskRole.Host
            : user.IsInRole(Roles.Screener) ? DeskRole.Screener
            : DeskRole.Viewer;
        return new Actor(id, user.FindFirst("name")?.Value ?? "观众", role);
    }

    /// <summary>A screener, host or admin whose token covers this programme ("*" covers all).</summary>
    public static bool MayModerate(ClaimsPrincipal user, string programmeId) =>
        From(user) is { Role: >= DeskRole.Screener }
        && user.FindAll(TokenIssuer.ProgrammeClaim).Any(c => c.Value == "*" || c.Value == programmeId);
}
