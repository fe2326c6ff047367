using Realtime.LiveApi.Auth;
using Realtime.LiveApi.Hosting;

if (PasswordTool.TryRun(args))
    return;

var builder = WebApplication.CreateBuilder(args);
builder.AddLiveApi();

var app = builder.Build();
app.MapLiveApi();
await app.RunAsync();

/// <summary>Visible to tests.</summary>
public partial class Program;
