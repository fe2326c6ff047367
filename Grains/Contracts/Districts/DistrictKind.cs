namespace Realtime.Contracts.Districts;

/// <summary>The three kinds of county-level division in Shenyang.</summary>
public enum DistrictKind
{
    /// <summary>区 (urban district).</summary>
    District = 0,
    /// <summary>县 (county).</summary>
    County = 1,
    /// <summary>县级市 (county-level city).</summary>
    CountyLevelCity = 2,
}
