using System.ComponentModel.DataAnnotations;

namespace Realtime.ServiceDefaults;

/// <summary>Which cluster a process belongs to (section "Cluster"), shared by silos and clients.</summary>
public sealed class ClusterSettings
{
    public const string Section = "Cluster";

    /// <summary>Processes with the same ClusterId form one cluster. Default "realtime-dev".</summary>
    [Required] public string ClusterId { get; set; } = "realtime-dev";

    /// <summary>Stable across deployments; grain state is keyed by it. Default "shenyang-realtime".</summary>
    [Required] public string ServiceId { get; set; } = "shenyang-realtime";
}

/// <summary>Azure Storage (section "Storage"): Azurite locally, any Azure Storage account in production.</summary>
public sealed class StorageSettings
{
    public const string Section = "Storage";

    /// <summary>Default "UseDevelopmentStorage=true" (Azurite on its standard ports).</summary>
    [Required] public string ConnectionString { get; set; } = "UseDevelopmentStorage=true";
}
