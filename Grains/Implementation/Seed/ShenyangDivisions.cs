using Realtime.Contracts.Districts;

namespace Realtime.Grains.Seed;

/// <summary>Shenyang's 13 county-level divisions with their administrative codes (real reference data).</summary>
public static class ShenyangDivisions
{
    public sealed record Division(string Code, string Name, DistrictKind Kind, string[] Communities);

    /// <summary>
    /// Community names are demo data in the style of real ones; their 12-digit codes are made up as
    /// district code + street (3 digits) + community (3 digits).
    /// </summary>
    public static readonly IReadOnlyList<Division> All =
    [
        new("210102", "和平区", DistrictKind.District, ["南湖社区", "集贤社区", "太原街社区", "北市场社区"]),
        new("210103", "沈河区", DistrictKind.District, ["五爱社区", "万寿社区", "风雨坛社区", "大西社区"]),
        new("210104", "大东区", DistrictKind.District, ["津桥社区", "小北社区", "东站社区"]),
        new("210105", "皇姑区", DistrictKind.District, ["华山社区", "北陵社区", "三台子社区"]),
        new("210106", "铁西区", DistrictKind.District, ["兴华社区", "工人村社区", "保工社区", "艳粉社区"]),
        new("210111", "苏家屯区", DistrictKind.District, ["临湖社区", "枫杨社区", "沙河社区"]),
        new("210112", "浑南区", DistrictKind.District, ["五三社区", "浑河站社区", "白塔社区"]),
        new("210113", "沈北新区", DistrictKind.District, ["道义社区", "虎石台社区", "新城子社区"]),
        new("210114", "于洪区", DistrictKind.District, ["迎宾路社区", "陵东社区", "沙岭社区"]),
        new("210115", "辽中区", DistrictKind.District, ["蒲东社区", "茨榆坨社区", "城郊社区"]),
        new("210123", "康平县", DistrictKind.County, ["胜利社区", "东升社区", "北三家子社区"]),
        new("210124", "法库县", DistrictKind.County, ["法库镇社区", "大孤家子社区", "秀水河子社区"]),
        new("210181", "新民市", DistrictKind.CountyLevelCity, ["东城社区", "西城社区", "辽滨社区"]),
    ];

    public static string CommunityCode(string districtCode, int index) => $"{districtCode}001{index + 1:000}";
}
