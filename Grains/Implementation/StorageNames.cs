namespace Realtime.Grains;

/// <summary>Names of the grain storage providers the silo registers.</summary>
public static class StorageNames
{
    /// <summary>Azure Table storage for grain state (Azurite locally).</summary>
    public const string Default = "Default";
}
