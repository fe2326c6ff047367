namespace Realtime.LiveApi.Hubs;

/// <summary>SignalR group names: the only place they are spelled.</summary>
public static class HubGroups
{
    public const string Catalog = "catalog";

    public static string Programme(string id) => "programme:" + id;

    public static string District(string code) => "district:" + code;
}
