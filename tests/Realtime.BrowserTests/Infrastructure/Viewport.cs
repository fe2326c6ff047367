namespace Realtime.BrowserTests.Infrastructure;

/// <summary>The two sizes every page is checked (and photographed) at, and a phone zoomed to 200 %.</summary>
public sealed record Viewport(string Name, int Width, int Height, bool IsMobile)
{
    public static readonly Viewport Phone = new("phone", 390, 844, true);
    public static readonly Viewport Desktop = new("desktop", 1366, 900, false);

    /// <summary>
    /// A 360 px phone (device scale 2) zoomed to 200 %: pages lay out in 180 CSS px at 4 device pixels each, as the
    /// browser's zoom does (media queries see 180 px too).
    /// </summary>
    public static readonly Viewport PhoneZoom200 = new("phone-zoom200", 180, 400, true) { DeviceScaleFactor = 4 };

    public float? DeviceScaleFactor { get; init; }
}
