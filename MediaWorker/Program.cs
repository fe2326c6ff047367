using Realtime.MediaWorker;

var builder = WebApplication.CreateBuilder(args);
builder.AddMediaWorker();

var app = builder.Build();
app.MapMediaWorker();
await app.RunAsync();
