namespace Realtime.LiveApi.Auth;

/// <summary>The roles a token can carry. Staff roles come from configured users or an external identity provider.</summary>
public static class Roles
{
    public const string Viewer = "viewer";
    public const string Screener = "screener";
    public const string Host = "host";
    public const string Admin = "admin";

    /// <summary>A department's staff: answer that department's follow-up cases in writing.</summary>
    public const string Department = "department";

    public static readonly string[] Staff = [Screener, Host, Admin];
}

/// <summary>Names of the authorisation policies.</summary>
public static class Policies
{
    public const string Admin = "admin";

    /// <summary>Screeners, hosts and admins (per-programme rights are checked by the desk gateway).</summary>
    public const string Staff = "staff";

    public const string Department = "department";
}
