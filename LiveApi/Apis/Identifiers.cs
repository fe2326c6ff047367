using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Realtime.LiveApi.Apis;

/// <summary>Shapes of the ids in URLs; an id of the wrong shape cannot exist, so it is a 404 without a grain call.</summary>
public static partial class Identifiers
{
    [GeneratedRegex("^[0-9]{6}$")]
    public static partial Regex DistrictCode();

    [GeneratedRegex("^[0-9]{9,12}$")]
    public static partial Regex CommunityCode();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    public static partial Regex ProgrammeId();

    /// <summary>A new programme id such as "p-20261127-3f9a1c2b".</summary>
    public static string NewProgrammeId(DateTimeOffset now) =>
        $"p-{now:yyyyMMdd}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";
}
