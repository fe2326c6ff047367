using System.Net.Sockets;
using Grpc.Core;
using Realtime.MediaWorker.Transcoding;

namespace Realtime.MediaWorker.Jobs;

/// <summary>
/// Which failures are worth another attempt. Only transient ones are: the network, storage, a worker or ffmpeg killed
/// from outside, a full disk or memory on this machine. Bad input and output-shape errors come out the same every time,
/// so they fail at once with their reasons instead of costing two more full transcodes. Pure.
/// </summary>
public static class RetryPolicy
{
    /// <summary>Reasons from ffmpeg or this machine that another attempt (maybe on another worker) can get past.</summary>
    public static IReadOnlySet<string> TransientCodes { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "killed", "stalled", "disk_full", "out_of_memory", "worker_stopped", "lease_expired", "storage_error", "network_error",
    };

    /// <summary>A refused input never; a failed run only when every reason is transient.</summary>
    public static bool IsRetryable(TranscodeResult result) =>
        result.Status == TranscodeStatus.Failed && result.Reasons.Count > 0 && result.Reasons.All(r => TransientCodes.Contains(r.Code));

    /// <summary>Errors of transfers and of LiveApi calls are transient; anything else thrown by a job is a bug or bad input.</summary>
    public static bool IsRetryable(Exception error) => error switch
    {
        Azure.RequestFailedException { Status: 0 or 408 or 429 or >= 500 } => true,
        Azure.RequestFailedException => false,
        RpcException { StatusCode: StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Internal or StatusCode.Unknown } => true,
        HttpRequestException or IOException or SocketException or TimeoutException => true,
        _ => error.InnerException is { } inner && IsRetryable(inner),
    };

    /// <summary>The reason a crashed job reports: transfers and calls say what failed, anything else is the worker's.</summary>
    public static FailureReason Explain(Exception error) => IsRetryable(error)
        ? error is Azure.RequestFailedException or IOException
            ? new FailureReason("storage_error", $"读写存储时出错（storage_error）：{OneLine(error.Message)}。任务会自动重试。")
            : new FailureReason("network_error", $"网络连接出错（network_error）：{OneLine(error.Message)}。任务会自动重试。")
        : new FailureReason("worker_error", $"转码节点处理这个文件时出错（worker_error）：{OneLine(error.Message)}。重试不会有不同结果，请检查录像文件或联系技术人员。");

    /// <summary>gRPC refuses control characters in a message: one line, and not too long.</summary>
    public static string OneLine(string text)
    {
        var line = string.Join(' ', text.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .TrimEnd('.', '。');
        return line.Length > 300 ? line[..300] + "…" : line;
    }
}
