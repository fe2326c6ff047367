namespace Realtime.LiveApi.Security;

/// <summary>Headers and developer surfaces (section "Security").</summary>
public sealed class SecuritySettings
{
    public const string Section = "Security";

    /// <summary>
    /// Who else may show the pages in a frame (CSP frame-ancestors), e.g. a community portal that embeds the display
    /// page: "https://portal.example.cn". This site itself always may. Default: nobody else.
    /// </summary>
    public List<string> FrameAncestors { get; set; } = [];

    /// <summary>More origins media may come from besides blob storage (a CDN in front of it). Default none.</summary>
    public List<string> MediaOrigins { get; set; } = [];

    /// <summary>
    /// The OpenAPI document (/openapi/v1.json), the API page (/api-docs) and gRPC server reflection. Default: on in
    /// Development, off elsewhere.
    /// </summary>
    public bool? DeveloperSurfaces { get; set; }
}
