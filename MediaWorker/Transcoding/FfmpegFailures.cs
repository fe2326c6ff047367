using System.Globalization;

namespace Realtime.MediaWorker.Transcoding;

/// <summary>Turns ffmpeg's exit code and last error lines into a reason an operator understands. Pure.</summary>
public static class FfmpegFailures
{
    private static readonly (string Needle, string Code, string Message)[] Known =
    [
        ("No space left on device", "disk_full", "转码机磁盘已满（disk_full）：请清理转码机的磁盘后重试。"),
        ("Cannot allocate memory", "out_of_memory", "转码机内存不足（out_of_memory）：请减少同时转码的任务数后重试。"),
        ("Permission denied", "permission_denied", "没有读写文件的权限（permission_denied）：请检查转码机的目录权限。"),
        ("No such file or directory", "input_missing", "找不到源文件或输出目录（input_missing）：请重新上传或重试。"),
        ("moov atom not found", "truncated", "文件不完整或已损坏（truncated）：可能上传中断了，请重新上传完整的文件。"),
        ("partial file", "truncated", "文件不完整或已损坏（truncated）：可能上传中断了，请重新上传完整的文件。"),
        ("Invalid data found when processing input", "corrupt_input", "源文件有损坏的数据（corrupt_input）：请重新导出或重新上传录像。"),
        ("Error while decoding", "corrupt_input", "源文件有损坏的数据（corrupt_input）：请重新导出或重新上传录像。"),
        ("Unknown encoder", "encoder_missing", "转码机的 ffmpeg 缺少所需的编码器（encoder_missing）：请安装 Debian 的 ffmpeg（apt-get install -y ffmpeg）。"),
        ("Encoder not found", "encoder_missing", "转码机的 ffmpeg 缺少所需的编码器（encoder_missing）：请安装 Debian 的 ffmpeg（apt-get install -y ffmpeg）。"),
    ];

    public static FailureReason Explain(int exitCode, IReadOnlyList<string> stderrTail)
    {
        // The last matching line is nearest the cause that stopped ffmpeg.
        for (var i = stderrTail.Count - 1; i >= 0; i--)
            foreach (var (needle, code, message) in Known)
                if (stderrTail[i].Contains(needle, StringComparison.OrdinalIgnoreCase))
                    return new FailureReason(code, message);
        if (exitCode is 137 or -9 or 143 or -15)
            return new FailureReason("killed", "转码进程被系统终止（killed）：可能是内存不足或转码机正在关闭，请重试。");
        var last = stderrTail.Count > 0 ? stderrTail[^1] : "没有错误输出";
        return new FailureReason("ffmpeg_failed", string.Create(CultureInfo.InvariantCulture,
            $"转码失败（ffmpeg_failed，退出码 {exitCode}）：{last}。请重试；如果再次失败，请把这段信息发给技术人员。"));
    }

    /// <summary>The one line the failure tail shows when ffmpeg itself wrote nothing (killed, or stopped by the watchdog).</summary>
    public static string Silent(int exitCode, bool stalled) => stalled
        ? "(ffmpeg wrote no error output; it was stopped by the stall watchdog)"
        : string.Create(CultureInfo.InvariantCulture, $"(ffmpeg wrote no error output; exit code {exitCode})");

    public static FailureReason Stalled(TimeSpan timeout) => new("stalled", string.Create(CultureInfo.InvariantCulture,
        $"转码停滞（stalled）：ffmpeg 连续 {timeout.TotalSeconds:0.#} 秒没有进展，已被终止。请重试；如果再次停滞，请检查源文件。"));
}
