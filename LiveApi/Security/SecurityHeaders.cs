namespace Realtime.LiveApi.Security;

/// <summary>
/// The headers of every answer. Scripts and styles only from this site (no inline script anywhere: text is set through
/// textContent, handlers through addEventListener); media, posters and uploads also from blob storage; hls.js runs its
/// worker from a blob: URL and feeds the player through blob: media.
/// </summary>
public static class SecurityHeaders
{
    public static HeaderPolicyCollection Pages(IReadOnlyCollection<string> mediaOrigins, IReadOnlyCollection<string> frameAncestors) =>
        new HeaderPolicyCollection()
            .AddContentTypeOptionsNoSniff()
            .AddReferrerPolicyStrictOriginWhenCrossOrigin()
            .AddCrossOriginOpenerPolicy(b => b.SameOrigin())
            .RemoveServerHeader()
            .AddContentSecurityPolicy(csp =>
            {
                csp.AddDefaultSrc().Self();
                csp.AddScriptSrc().Self();
                csp.AddStyleSrc().Self();
                csp.AddImgSrc().Self().Data().Blob().From(mediaOrigins);
                csp.AddMediaSrc().Self().Blob().From(mediaOrigins);
                csp.AddConnectSrc().Self().From(mediaOrigins);
                csp.AddWorkerSrc().Self().Blob();
                csp.AddFontSrc().Self();
                csp.AddObjectSrc().None();
                csp.AddBaseUri().Self();
                csp.AddFormAction().Self();
                csp.AddFrameAncestors().Self().From(frameAncestors);
            });
}
