namespace Realtime.LiveApi.Hubs;

/// <summary>SignalR group names: the only place they are spelled.</summary>
public static class HubGroups
{
    public const string Catalog = "catalog";

    /// <summary>Admins watching transcoding jobs.</summary>
    public const string Media = "media-admin";

    public static string Programme(string id) => "programme:" + id;

    public static string District(string code) => "district:" + code;

    /// <summary>Viewers of a programme's question desk: public changes only.</summary>
    public static string Desk(string programmeId) => "desk:" + programmeId;

    /// <summary>Screeners and hosts of a programme: every change, notes and the moderation log.</summary>
    public static string DeskStaff(string programmeId) => "desk-staff:" + programmeId;
}
