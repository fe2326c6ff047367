namespace Realtime.MediaWorker.Transcoding;

/// <summary>File names inside a job's output folder; players and the archive page rely on them.</summary>
public static class OutputLayout
{
    public const string MasterPlaylist = "master.m3u8";

    /// <summary>Media playlist inside each variant folder ("720p/index.m3u8", "audio/index.m3u8").</summary>
    public const string VariantPlaylist = "index.m3u8";

    /// <summary>Name of the audio rendition folder.</summary>
    public const string AudioVariant = "audio";

    public const string VideoDownload = "download.mp4";

    public const string AudioDownload = "download.m4a";

    public const string Poster = "poster.jpg";

    public const string StoryboardFolder = "storyboard";

    /// <summary>The WebVTT map, beside the sprites it points to.</summary>
    public const string StoryboardVtt = "storyboard/thumbnails.vtt";

    /// <summary>Sprite sheet file name, numbered from 1 as ffmpeg's image2 muxer does.</summary>
    public static string SpriteFile(int number) => $"sprite-{number}.jpg";

    /// <summary>ffmpeg image2 pattern for the sprites.</summary>
    public const string SpritePattern = "storyboard/sprite-%d.jpg";

    /// <summary>Segment pattern; %v is the variant name.</summary>
    public const string SegmentPattern = "%v/seg-%05d.m4s";
}
