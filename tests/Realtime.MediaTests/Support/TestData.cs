namespace Realtime.MediaTests.Support;

/// <summary>Recorded ffprobe and ffmpeg output (see TestData/README.md for how each file was made).</summary>
public static class TestData
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "TestData", name);

    public static string Text(string name) => File.ReadAllText(Path(name));

    public static string[] Lines(string name) => File.ReadAllLines(Path(name));
}
