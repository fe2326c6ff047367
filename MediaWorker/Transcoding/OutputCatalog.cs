namespace Realtime.MediaWorker.Transcoding;

/// <summary>Lists a finished job's files with the content types players and browsers expect.</summary>
public static class OutputCatalog
{
    /// <summary>Every file under <paramref name="outputDirectory"/>, playlists first.</summary>
    public static IReadOnlyList<OutputFile> List(string outputDirectory) =>
        Directory.EnumerateFiles(outputDirectory, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(outputDirectory, path).Replace('\\', '/'))
            .Select(relative => new OutputFile(relative, ContentType(relative),
                new FileInfo(Path.Combine(outputDirectory, relative)).Length))
            .OrderBy(f => f.ContentType != "application/vnd.apple.mpegurl")
            .ThenBy(f => f.RelativePath, StringComparer.Ordinal)
            .ToList();

    /// <summary>The content type of an output by its name and folder. Pure.</summary>
    public static string ContentType(string relativePath)
    {
        var inAudioFolder = relativePath.StartsWith(OutputLayout.AudioVariant + "/", StringComparison.Ordinal);
        return Path.GetExtension(relativePath).ToLowerInvariant() switch
        {
            ".m3u8" => "application/vnd.apple.mpegurl",
            ".m4s" or ".mp4" => inAudioFolder ? "audio/mp4" : "video/mp4",
            ".m4a" => "audio/mp4",
            ".ts" => "video/mp2t",
            ".aac" => "audio/aac",
            ".jpg" or ".jpeg" => "image/jpeg",
            ".vtt" => "text/vtt",
            _ => "application/octet-stream",
        };
    }
}
