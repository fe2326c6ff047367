using System.ComponentModel.DataAnnotations;

namespace Realtime.LiveApi.Hosting;

/// <summary>Where LiveApi listens (section "LiveApi").</summary>
public sealed class LiveApiSettings
{
    public const string Section = "LiveApi";

    /// <summary>REST, SignalR and the web pages (HTTP/1.1). Default 5080.</summary>
    [Range(1, 65535)] public int HttpPort { get; set; } = 5080;

    /// <summary>gRPC over plain HTTP/2 (h2c) needs its own HTTP/2-only port. Default 5081.</summary>
    [Range(1, 65535)] public int GrpcPort { get; set; } = 5081;

    /// <summary>Prometheus scrapes /metrics here, apart from the public port. Default 5089.</summary>
    [Range(1, 65535)] public int MetricsPort { get; set; } = 5089;

    /// <summary>Address to bind. Default 127.0.0.1; use 0.0.0.0 to serve phones on the network.</summary>
    [Required] public string ListenAddress { get; set; } = "127.0.0.1";

    /// <summary>
    /// Most live connections (WebSockets) this host keeps; the next ones get 503 while everyone connected keeps
    /// receiving. Default 19,000: this machine kind allows 20,000 open files per process.
    /// </summary>
    [Range(1, 1_000_000)] public int MaxLiveConnections { get; set; } = 19_000;

    /// <summary>How often this host renews its registration for live events. Default 5 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan RegistrationInterval { get; set; } = TimeSpan.FromSeconds(5);
}
