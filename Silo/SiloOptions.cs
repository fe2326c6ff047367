using System.ComponentModel.DataAnnotations;

namespace Realtime.Silo;

/// <summary>Ports and identity of this silo (section "Silo"). Defaults suit one silo on a developer machine.</summary>
public sealed class SiloOptions
{
    public const string Section = "Silo";

    /// <summary>Silo-to-silo port. Default 11111; give each silo on one machine its own.</summary>
    [Range(1, 65535)] public int SiloPort { get; set; } = 11111;

    /// <summary>Port the cluster clients (LiveApi, MediaWorker) connect to. Default 30000.</summary>
    [Range(1, 65535)] public int GatewayPort { get; set; } = 30000;

    /// <summary>HTTP port of the Orleans Dashboard and the health endpoints. Default 8081.</summary>
    [Range(1, 65535)] public int DashboardPort { get; set; } = 8081;

    /// <summary>
    /// The Orleans Dashboard on <see cref="DashboardPort"/>. Default off: it profiles every grain call, which doubled
    /// to tripled the question desk's submit latency in bench/DeskBench. `./realtime run` and `cluster` turn it on.
    /// </summary>
    public bool Dashboard { get; set; }

    /// <summary>Address the dashboard and health port binds to. Default 127.0.0.1; 0.0.0.0 in a container (probes).</summary>
    [Required] public string ListenAddress { get; set; } = "127.0.0.1";

    /// <summary>
    /// Running in Kubernetes: Orleans takes the cluster and service ids from the pod's labels and removes silos whose
    /// pods are gone (Microsoft.Orleans.Hosting.Kubernetes). Default false.
    /// </summary>
    public bool Kubernetes { get; set; }

    /// <summary>The address other silos and clients reach this one on. Default 127.0.0.1.</summary>
    [Required] public string AdvertisedAddress { get; set; } = "127.0.0.1";
}

/// <summary>What to write on start (section "Seed").</summary>
public sealed class SeedSettings
{
    public const string Section = "Seed";

    /// <summary>The 13 districts and their communities: reference data, on by default.</summary>
    public bool Districts { get; set; } = true;

    /// <summary>Demo programmes (one live, some upcoming, one ended). Off by default; `./realtime run` turns it on.</summary>
    public bool DemoProgrammes { get; set; }
}
