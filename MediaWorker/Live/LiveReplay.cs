using System.Diagnostics;
using Azure.Storage.Blobs;
using Realtime.MediaWorker.Jobs;

namespace Realtime.MediaWorker.Live;

/// <summary>
/// The download of a live programme: a remux (no re-encode) of the top rung's segments into one MP4 (M4A for radio).
/// It costs reading and writing the rung once — seconds for an hour — where a transcode of a captured source would
/// cost another full encode. Segments this worker made are taken from its folder; the rest are downloaded.
/// </summary>
public static class LiveReplay
{
    public static async Task<string> RemuxAsync(BlobContainerClient container, string ffmpeg, string playlistText, bool radio,
        string workFolder, Func<string, string?> localCopy, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(workFolder, "replay");
        Directory.CreateDirectory(folder);
        foreach (var segment in LivePlaylistText.Segments(playlistText))
        {
            var target = Path.Combine(folder, segment.Uri);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (localCopy(segment.Uri) is { } local && File.Exists(local))
                File.Copy(local, target, overwrite: true);
            else
                await container.GetBlobClient(segment.Uri).DownloadToAsync(target, cancellationToken);
        }
        await File.WriteAllTextAsync(Path.Combine(folder, "index.m3u8"), playlistText, cancellationToken);
        var name = radio ? "download.m4a" : "download.mp4";
        var info = new ProcessStartInfo(ffmpeg) { WorkingDirectory = folder, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])["-hide_banner", "-nostdin", "-loglevel", "error", "-y", "-i", "index.m3u8",
                     .. radio ? ["-vn"] : (string[])[], "-c", "copy", "-bsf:a", "aac_adtstoasc", "-movflags", "+faststart", name])
            info.ArgumentList.Add(argument);
        using var process = Process.Start(info)!;
        var errors = await process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
            throw new IOException($"ffmpeg remux failed ({process.ExitCode}): {errors.Trim().Split('\n').LastOrDefault()}");
        await JobTransfer.UploadFileAsync(container, folder, name, JobTransfer.Immutable, cancellationToken);
        return name;
    }
}
