using System.Text;
using System.Text.Json;

namespace Realtime.Testing;

/// <summary>Malformed inputs from a seeded generator: random JSON, wrong types, huge strings, unicode edge cases, bad ids.</summary>
public sealed class Payloads(int seed)
{
    private readonly Random _random = new(seed);

    public static readonly string[] Strings =
    [
        "", " ", "\u0000", "\u0007\u001b", "\uFEFF", "\u202E反转文字", "👨‍👩‍👧‍👦", "\uD800", "null", "true", "-1", "NaN", "1e309",
        "../../etc/passwd", "%00", "<script>alert(1)</script>", "' OR '1'='1", "{\"$type\":\"x\"}", "p-" + new string('9', 70),
        "210102", "999999", "demo-minsheng-live", "r-0000000000000000", new string('问', 5000), new string('a', 70_000),
    ];

    public string Id() => _random.Next(6) switch
    {
        0 => Uri.EscapeDataString(Strings[_random.Next(Strings.Length)]),
        1 => _random.NextInt64().ToString(),
        2 => "-1",
        3 => Guid.NewGuid().ToString(),
        4 => "p-x." + _random.Next(),
        _ => "%E4%B8%AD%2F..%2F",
    };

    public object? Value(int depth = 0) => _random.Next(depth > 2 ? 6 : 9) switch
    {
        0 => null,
        1 => _random.Next(2) == 0,
        2 => _random.NextInt64(long.MinValue, long.MaxValue),
        3 => _random.NextDouble() * 1e20,
        4 => Strings[_random.Next(Strings.Length)],
        5 => RandomText(_random.Next(1, 400)),
        6 => Enumerable.Range(0, _random.Next(5)).Select(_ => Value(depth + 1)).ToArray(),
        _ => Enumerable.Range(0, _random.Next(6)).Select(_ => Field()).Distinct().ToDictionary(f => f, _ => Value(depth + 1)),
    };

    /// <summary>A request body: random JSON, JSON of the wrong shape, or bytes that are not JSON at all.</summary>
    public HttpContent Body()
    {
        string text = _random.Next(5) switch
        {
            0 => "{",
            1 => "\u00ff\u00fe\u0000garbage",
            2 => "[" + string.Join(',', Enumerable.Repeat("1", 1000)) + "]",
            _ => JsonSerializer.Serialize(Value()),
        };
        return new StringContent(text, Encoding.UTF8, "application/json");
    }

    private string Field()
    {
        string[] known = ["series", "title", "scheduledStart", "scheduledEnd", "districts", "guests", "requestId", "text", "communityCode",
            "topic", "department", "type", "questionId", "reason", "score", "comment", "fileName", "sizeBytes", "name", "password", "ignoreSimilar"];
        return _random.Next(4) == 0 ? Strings[_random.Next(Strings.Length)] : known[_random.Next(known.Length)];
    }

    private string RandomText(int length)
    {
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
            builder.Append((char)_random.Next(0x20, 0xD7FF));
        return builder.ToString();
    }
}
