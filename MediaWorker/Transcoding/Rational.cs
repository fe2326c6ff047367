using System.Globalization;

namespace Realtime.MediaWorker.Transcoding;

/// <summary>An exact ratio such as a frame rate of 30000/1001, kept exact so ffmpeg gets the rate it reported.</summary>
public readonly record struct Rational(long Numerator, long Denominator)
{
    public static Rational Zero => new(0, 1);

    /// <summary>True for a positive, finite ratio.</summary>
    public bool IsPositive => Numerator > 0 && Denominator > 0;

    public double Value => Denominator == 0 ? 0 : (double)Numerator / Denominator;

    /// <summary>Parses "30000/1001", "16:9" or "25"; null for anything else (ffprobe writes "0/0" when unknown).</summary>
    public static Rational? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var parts = text.Split('/', ':');
        if (parts.Length > 2
            || !long.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var numerator))
            return null;
        long denominator = 1;
        if (parts.Length == 2 && !long.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out denominator))
            return null;
        return new Rational(numerator, denominator).Reduced();
    }

    public Rational Reduced()
    {
        if (Numerator == 0 || Denominator == 0)
            return this;
        var divisor = Gcd(Math.Abs(Numerator), Math.Abs(Denominator));
        return new Rational(Numerator / divisor, Denominator / divisor);
    }

    public Rational Halved() => new Rational(Numerator, Denominator * 2).Reduced();

    public override string ToString() => $"{Numerator.ToString(CultureInfo.InvariantCulture)}/{Denominator.ToString(CultureInfo.InvariantCulture)}";

    private static long Gcd(long a, long b)
    {
        while (b != 0)
            (a, b) = (b, a % b);
        return a;
    }
}
