using Realtime.Silo;

var builder = WebApplication.CreateBuilder(args);
builder.AddRealtimeSilo();

var app = builder.Build();
app.MapRealtimeSilo();
await app.RunAsync();
