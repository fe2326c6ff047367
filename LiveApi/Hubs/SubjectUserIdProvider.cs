using Microsoft.AspNetCore.SignalR;

namespace Realtime.LiveApi.Hubs;

/// <summary>SignalR's user id is the token's subject ("viewer:…" or "staff:…"), so Clients.User reaches an asker.</summary>
public sealed class SubjectUserIdProvider : IUserIdProvider
{
    public string? GetUserId(HubConnectionContext connection) => connection.User?.FindFirst("sub")?.Value;
}
