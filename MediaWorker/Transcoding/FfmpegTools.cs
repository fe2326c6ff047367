using System.ComponentModel;
using FFMpegCore;
using Instances.Exceptions;

namespace Realtime.MediaWorker.Transcoding;

/// <summary>
/// FFMpegCore finds its tools by folder (FFOptions.BinaryFolder, or PATH when empty) and always by the names "ffmpeg"
/// and "ffprobe"; the worker's settings name the executable. This translates one into the other and recognises a
/// missing tool in FFMpegCore's exceptions.
/// </summary>
public static class FfmpegTools
{
    /// <summary>Options for <paramref name="executable"/>: "ffmpeg" (on PATH) or a path to a file named ffmpeg (or ffprobe).</summary>
    /// <exception cref="ToolMissingException">The setting names something FFMpegCore cannot run.</exception>
    public static FFOptions Options(string executable, string? workingDirectory)
    {
        var name = Path.GetFileName(executable);
        if (name is not ("ffmpeg" or "ffprobe"))
            throw new ToolMissingException(executable, new FileNotFoundException("FFMpegCore runs only executables named ffmpeg and ffprobe.", executable));
        var folder = Path.GetDirectoryName(executable) ?? "";
        if (folder.Length > 0 && !File.Exists(executable))
            throw new ToolMissingException(executable, new FileNotFoundException("No such file.", executable));
        return new FFOptions { BinaryFolder = folder, WorkingDirectory = workingDirectory ?? "", Encoding = System.Text.Encoding.UTF8 };
    }

    public static string BinaryPath(FFOptions options, string tool) =>
        options.BinaryFolder.Length == 0 ? tool : Path.Combine(options.BinaryFolder, tool);

    /// <summary>True when <paramref name="error"/> (or what it wraps) says the tool could not be started at all.</summary>
    public static bool IsMissing(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is InstanceFileNotFoundException or Win32Exception)
                return true;
        }
        return false;
    }
}
