namespace Realtime.BrowserTests.Infrastructure;

/// <summary>The two sizes every page is checked (and photographed) at.</summary>
public sealed record Viewport(string Name, int Width, int Height, bool IsMobile)
{
    public static readonly Viewport Phone = new("phone", 390, 844, true);
    public static readonly Viewport Desktop = new("desktop", 1366, 900, false);
}
