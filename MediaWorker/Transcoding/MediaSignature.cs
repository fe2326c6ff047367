using System.Text;

namespace Realtime.MediaWorker.Transcoding;

/// <summary>Recognises media containers by their first bytes. Pure.</summary>
public static class MediaSignature
{
    /// <summary>How many leading bytes <see cref="LooksLikeMedia"/> wants.</summary>
    public const int HeaderLength = 512;

    private static readonly string[] IsoBoxes = ["ftyp", "moov", "mdat", "free", "skip", "wide", "pnot"];

    private static readonly byte[][] Magic =
    [
        [0x1A, 0x45, 0xDF, 0xA3],            // Matroska / WebM
        "RIFF"u8.ToArray(),                 // WAV, AVI
        "ID3"u8.ToArray(),                  // MP3 with tags
        "FLV"u8.ToArray(),
        "OggS"u8.ToArray(),
        "fLaC"u8.ToArray(),
        [0x30, 0x26, 0xB2, 0x75],            // ASF / WMV
        [0x00, 0x00, 0x01, 0xBA],            // MPEG program stream
        [0x06, 0x0E, 0x2B, 0x34],            // MXF (broadcast)
    ];

    /// <summary>True when the header starts like a container ffmpeg reads (MP4/MOV, MKV, TS, WAV, MP3 …).</summary>
    public static bool LooksLikeMedia(ReadOnlySpan<byte> header)
    {
        if (header.Length >= 8 && IsoBoxes.Contains(Encoding.ASCII.GetString(header.Slice(4, 4))))
            return true;
        foreach (var magic in Magic)
            if (header.StartsWith(magic))
                return true;
        if (IsTransportStream(header, 0) || IsTransportStream(header, 4))
            return true;
        // MPEG audio / ADTS AAC frame sync.
        return header.Length >= 2 && header[0] == 0xFF && (header[1] & 0xE0) == 0xE0;
    }

    private static bool IsTransportStream(ReadOnlySpan<byte> header, int offset) =>
        header.Length > offset + 188 && header[offset] == 0x47 && header[offset + 188] == 0x47;
}
