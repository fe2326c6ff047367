// Baselines, not part of the product. For bench/LoadBench: every connection of /hubs/bare joins one group;
// POST /broadcast?id=N&bytes=B sends one message of about B bytes to the group, shaped like the desk's on-air push.
// For bench/DeskBench (given --Table <connection string>): /hubs/bare-desk stores each submit durably (BareDesk.cs).
using Microsoft.AspNetCore.SignalR;

var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddSignalR();
var durable = builder.Configuration["Table"] is not null;
if (durable)
    builder.Services.AddSingleton<BareDeskWriter>();
var app = builder.Build();
app.MapHub<BareHub>("/hubs/bare");
if (durable)
{
    app.Services.GetRequiredService<BareDeskWriter>();
    app.MapHub<BareDeskHub>("/hubs/bare-desk");
}
app.MapPost("/broadcast", async (IHubContext<BareHub> hub, long id, int bytes) =>
{
    var padding = new string('x', Math.Max(0, bytes - 60));
    await hub.Clients.Group("all").SendAsync("DeskChanged", new { status = new { onAir = new { id } }, padding });
    return Results.Ok();
});
app.MapGet("/health", () => "ok");
await app.RunAsync();

public sealed class BareHub : Hub
{
    public override Task OnConnectedAsync() => Groups.AddToGroupAsync(Context.ConnectionId, "all");
}
