using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;

namespace Realtime.Bench.Load;

/// <summary>
/// One viewer as cheap as it gets: a raw WebSocket speaking SignalR's JSON protocol (handshake, one invocation,
/// pings), scanning each message for the on-air marker of the current round instead of parsing it.
/// </summary>
public sealed class RawViewer(int index, Round round) : IAsyncDisposable
{
    private const byte RecordSeparator = 0x1e;
    private static readonly byte[] Ping = Encoding.UTF8.GetBytes("{\"type\":6}\u001e");
    private static readonly byte[] Marker = Encoding.UTF8.GetBytes("\"onAir\":{\"id\":");
    private readonly ClientWebSocket _socket = new();
    private readonly List<byte> _message = [];

    public int MessageBytes { get; private set; }
    public bool Open => _socket.State == WebSocketState.Open;

    public async Task ConnectAsync(Uri uri, string? invokeTarget, string? argument, CancellationToken cancellationToken)
    {
        _socket.Options.KeepAliveInterval = TimeSpan.Zero;
        await _socket.ConnectAsync(uri, cancellationToken);
        await Send(Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":1}\u001e"), cancellationToken);
        if (invokeTarget is not null)
            await Send(Encoding.UTF8.GetBytes($"{{\"type\":1,\"target\":\"{invokeTarget}\",\"arguments\":[\"{argument}\"]}}\u001e"), cancellationToken);
        _ = Task.Run(Receive, CancellationToken.None);
    }

    public Task PingAsync(CancellationToken cancellationToken) => Open ? Send(Ping, cancellationToken) : Task.CompletedTask;

    private Task Send(byte[] bytes, CancellationToken cancellationToken) =>
        _socket.SendAsync(bytes, WebSocketMessageType.Text, true, cancellationToken);

    private async Task Receive()
    {
        var buffer = new byte[4096];
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var result = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                    return;
                var at = Stopwatch.GetTimestamp();
                _message.AddRange(buffer.AsSpan(0, result.Count));
                if (result.EndOfMessage)
                {
                    Scan(at);
                    _message.Clear();
                }
            }
        }
        catch (WebSocketException) { }
        catch (ObjectDisposedException) { }
    }

    private void Scan(long at)
    {
        var expected = round.ExpectedId;
        if (expected < 0)
            return;
        ReadOnlySpan<byte> span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_message);
        var offset = 0;
        while (offset < span.Length)
        {
            var found = span[offset..].IndexOf(Marker);
            if (found < 0)
                return;
            var start = offset + found + Marker.Length;
            var length = span[start..].IndexOfAnyExcept("0123456789"u8);
            if (length > 0 && long.TryParse(span.Slice(start, length), out var id) && id == expected)
            {
                var end = span.IndexOf(RecordSeparator);
                MessageBytes = end > 0 ? end : span.Length;
                round.Hit(index, at);
                return;
            }
            offset = start;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }
        catch (WebSocketException) { }
        _socket.Dispose();
    }
}
