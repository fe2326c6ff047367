using System.Security.Cryptography;
using System.Text;
using Grpc.Core;
using Realtime.LiveApi.Media;

namespace Realtime.LiveApi.Grpc;

/// <summary>The media workers' credential: "x-worker-key" metadata, one of Media:WorkerKeys (compared in fixed time).</summary>
public static class WorkerKey
{
    public static void Authorize(ServerCallContext context, MediaSettings settings)
    {
        var presented = Encoding.UTF8.GetBytes(context.RequestHeaders.GetValue("x-worker-key") ?? "");
        if (!settings.WorkerKeys.Any(k => CryptographicOperations.FixedTimeEquals(presented, Encoding.UTF8.GetBytes(k))))
            throw new RpcException(new Status(StatusCode.Unauthenticated, "Unknown worker key (x-worker-key): set Worker:Key to one of LiveApi's Media:WorkerKeys."));
    }

    public static RpcException Invalid(string field, string rule) => new(new Status(StatusCode.InvalidArgument, $"{field}: {rule}"));

    /// <summary>1–<paramref name="max"/> printable characters, or an InvalidArgument naming the field.</summary>
    public static string Text(string value, int max, string field) =>
        string.IsNullOrWhiteSpace(value) || value.Length > max || value.Any(char.IsControl) ? throw Invalid(field, $"1–{max} printable characters") : value;

    public static double? Clamp(double? value, double min, double max) =>
        value is { } v && double.IsFinite(v) ? Math.Clamp(v, min, max) : null;
}
