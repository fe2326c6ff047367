using System.Net;
using System.Net.Sockets;

namespace Realtime.Testing;

/// <summary>
/// Clients that connect from a chosen loopback address (127.0.0.2, 127.0.0.3 …): Linux routes all of 127/8 to the
/// loopback interface, so one machine can play several people on different networks — each test its own address, so
/// per-address limits spent by one test never reach another.
/// </summary>
public static class Loopback
{
    public static HttpClient From(IPAddress local, Uri baseAddress) => new(Handler(local)) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public static HttpClient From(string local, Uri baseAddress) => From(IPAddress.Parse(local), baseAddress);

    public static SocketsHttpHandler Handler(IPAddress local) => new()
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(local, 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}
