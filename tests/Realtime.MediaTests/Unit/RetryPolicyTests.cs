using Realtime.MediaWorker.Jobs;
using Realtime.MediaWorker.Transcoding;

namespace Realtime.MediaTests.Unit;

public sealed class RetryPolicyTests
{
    private static TranscodeResult Failed(params string[] codes) =>
        new(TranscodeStatus.Failed, [.. codes.Select(c => new FailureReason(c, c))], null, null, [], ["tail"]);

    [Theory]
    [InlineData("outputs_missing")]
    [InlineData("corrupt_input")]
    [InlineData("truncated")]
    [InlineData("ffmpeg_failed")]
    [InlineData("input_missing")]
    public void IsRetryable_DeterministicFfmpegFailure_FailsAtOnce(string code) => Assert.False(RetryPolicy.IsRetryable(Failed(code)));

    [Theory]
    [InlineData("killed")]
    [InlineData("stalled")]
    [InlineData("disk_full")]
    [InlineData("out_of_memory")]
    public void IsRetryable_TransientFailure_TriedAgain(string code) => Assert.True(RetryPolicy.IsRetryable(Failed(code)));

    [Fact]
    public void IsRetryable_RefusedInput_Never() =>
        Assert.False(RetryPolicy.IsRetryable(TranscodeResult.Refused(null, [new FailureReason("no_audio", "…")])));

    [Fact]
    public void IsRetryable_StorageOrNetworkError_TriedAgain()
    {
        Assert.True(RetryPolicy.IsRetryable(new Azure.RequestFailedException(503, "Server busy")));
        Assert.True(RetryPolicy.IsRetryable(new HttpRequestException("connection refused")));
        Assert.True(RetryPolicy.IsRetryable(new IOException("reset")));
        Assert.True(RetryPolicy.IsRetryable(new Grpc.Core.RpcException(new Grpc.Core.Status(Grpc.Core.StatusCode.Unavailable, "down"))));
    }

    [Fact]
    public void IsRetryable_BugOrBadInput_FailsAtOnce()
    {
        Assert.False(RetryPolicy.IsRetryable(new InvalidOperationException("bad state")));
        Assert.False(RetryPolicy.IsRetryable(new Azure.RequestFailedException(403, "Forbidden")));
        Assert.False(RetryPolicy.IsRetryable(new ArgumentException("no video")));
    }

    [Fact]
    public void Explain_CrashWithAMultiLineMessage_OneChineseLine()
    {
        var reason = RetryPolicy.Explain(new InvalidOperationException("first line\nsecond line"));

        Assert.Equal("worker_error", reason.Code);
        Assert.Contains("first line second line", reason.Message);
        Assert.DoesNotContain('\n', reason.Message);
        Assert.Matches("[\u4e00-\u9fff]", reason.Message);
    }
}
