namespace Realtime.Contracts.Questions;

/// <summary>A city department that answers questions (on air, or in writing when followed up).</summary>
public sealed record Department(string Code, string Name);

/// <summary>Reference lists of the desk: departments and topics (from the city's own practice).</summary>
public static class DeskCatalogue
{
    public static readonly IReadOnlyList<Department> Departments =
    [
        new("labour", "沈阳市人力资源和社会保障局"),
        new("civil-affairs", "沈阳市民政局"),
        new("housing", "沈阳市房产局"),
        new("agriculture", "沈阳市农业局"),
        new("forestry", "沈阳市林业局"),
        new("water", "沈阳市水利局"),
        new("education", "沈阳市教育局"),
        new("health", "沈阳市卫生局"),
        new("medical-insurance", "沈阳市医疗保障局"),
        new("commerce", "沈阳市工商局"),
        new("finance", "沈阳市财政局"),
        new("sme", "沈阳市中小企业局"),
        new("approval", "沈阳市行政审批局"),
        new(OpennessOffice, "沈阳市政务公开办公室"),
    ];

    /// <summary>Follow-ups without a department go here first, to be routed on.</summary>
    public const string OpennessOffice = "openness-office";

    public static readonly IReadOnlyList<string> Topics =
    [
        "养老", "医保", "计划生育", "动拆迁", "土地承包", "土地补偿", "宅基地审批", "农机具补贴", "低保", "再就业",
        "教育", "住房", "企业扶持", "其他",
    ];

    public static Department? FindDepartment(string? code) => Departments.FirstOrDefault(d => d.Code == code);
}
