namespace Realtime.MediaWorker.Transcoding;

/// <summary>
/// The constant rate every rung is encoded at. A source at a standard rate keeps it exactly (30000/1001 stays
/// 30000/1001); a variable-rate phone clip whose mean is odd (22.56 fps) is normalised to the nearest whole standard
/// rate, so that 2 s is a whole number of frames and keyframes and segments fall on the same times on every rung. Pure.
/// </summary>
public static class FrameRates
{
    /// <summary>Broadcast, film and phone rates, exact.</summary>
    public static IReadOnlyList<Rational> Standard { get; } =
    [
        new(24000, 1001), new(24, 1), new(25, 1), new(30000, 1001), new(30, 1),
        new(48, 1), new(50, 1), new(60000, 1001), new(60, 1), new(120, 1),
    ];

    /// <summary>Whole rates an odd source is rounded to (each gives whole-frame 1 s and 2 s keyframe intervals).</summary>
    private static readonly int[] Whole = [10, 12, 15, 20, 24, 25, 30, 48, 50, 60, 120];

    /// <summary>Within this relative distance a measured mean counts as the standard rate it is near (timestamps jitter).</summary>
    private const double Tolerance = 0.005;

    /// <summary>The output rate for a source averaging <paramref name="source"/>, halved while above <paramref name="max"/>.</summary>
    public static Rational Output(Rational source, double max)
    {
        var rate = Normalise(source);
        while (rate.Value > max)
            rate = rate.Halved();
        return rate;
    }

    /// <summary>The standard rate the source is (or is nearest to); the source itself when it is not positive.</summary>
    public static Rational Normalise(Rational source)
    {
        if (!source.IsPositive)
            return source;
        var value = source.Value;
        var closest = Standard.MinBy(s => Math.Abs(value - s.Value));
        if (Math.Abs(value - closest.Value) <= closest.Value * Tolerance)
            return closest;
        var nearest = Whole.MinBy(w => Math.Abs(w - value));
        return new Rational(nearest, 1);
    }
}
