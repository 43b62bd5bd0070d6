using System.Text;

namespace IntegrationGateway.TestSupport.Hostile;

/// <summary>Bodies broken as a whole: malformed JSON, trailing garbage, non-UTF-8 bytes, charsets, content types, size.</summary>
public static class EnvelopeMutations
{
    private const string Json = "application/json";

    public static IEnumerable<Mutator> For(bool anyRequired)
    {
        yield return Text("truncated JSON", (r, body) => body[..r.Next(1, body.Length - 1)], core: true);
        yield return Text("trailing garbage", (r, body) => body + r.Pick([" x", "}", ",", "]", " {}", "\u0000", " //", "null"]), core: true);
        yield return Text("two JSON documents", (_, body) => body + body);
        yield return Text("a comment", (_, body) => "/* note */" + body);
        yield return Text("a trailing comma", (_, body) => body[..^1] + ",}");
        yield return Text("single quotes", (_, body) => body.Replace('"', '\''));
        yield return Text("an unquoted property name", (_, body) => "{unquoted:1," + body[1..]);
        yield return Text("NaN", (_, body) => "{\"n\":NaN," + body[1..]);
        yield return Text("nesting 2,000 deep", (_, body) => "{\"x\":" + new string('[', 2000) + new string(']', 2000) + "," + body[1..]);
        yield return Text("an empty body", (_, _) => "");
        yield return Text("whitespace only", (_, _) => "   \n");
        yield return Text("JSON null", (_, _) => "null");
        yield return Text("an array at the root", (_, body) => "[" + body + "]");
        yield return Text("a string at the root", (_, _) => "\"order\"");
        yield return Text("a number at the root", (_, _) => "42");
        if (anyRequired)
        {
            yield return Text("an empty object", (_, _) => "{}");
        }
        yield return Text("a body over 1 MB", (r, body) => "{\"padding\":\"" + r.Long(1_100_000) + "\"," + body[1..]);
        yield return Bytes("not UTF-8", (r, body) =>
        {
            var utf8 = Encoding.UTF8.GetBytes(body);
            var at = Array.IndexOf(utf8, (byte)'"', Array.IndexOf(utf8, (byte)':') + 1) + 1;
            return [.. utf8[..at], .. r.Pick(HostileValues.NotUtf8), .. utf8[at..]];
        }, Json, core: true);
        yield return Bytes("UTF-16 without a charset", (_, body) => Encoding.Unicode.GetBytes(body), Json);
        yield return Bytes("UTF-32 bytes labelled UTF-8", (_, body) => Encoding.UTF32.GetBytes(body), Json + "; charset=utf-8");
        yield return Bytes("an unknown charset", (_, body) => Encoding.UTF8.GetBytes(body), r => Json + "; charset=" + r.Pick(["klingon", "utf-9", "x-unknown", "\"\"", "utf8mb4"]), core: true);
        yield return Bytes("UTF-8 bytes labelled UTF-16", (_, body) => Encoding.UTF8.GetBytes(body), Json + "; charset=utf-16");
        yield return Bytes("a wrong content type", (r, body) => Encoding.UTF8.GetBytes(body),
            r => r.Pick(["text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/json", "application/jsonx", "application/octet-stream", "json"]), core: true);
        yield return Bytes("an XML body", (_, _) => "<order><quantity>1</quantity></order>"u8.ToArray(), "application/xml");
        yield return Bytes("a form body", (_, _) => "orderRef=x&quantity=1"u8.ToArray(), "application/x-www-form-urlencoded");
        yield return new Mutator("no content type", Expect.Refused, (_, draft) =>
        {
            draft.ContentTypes.Clear();
            return "JSON body without Content-Type";
        });
        yield return new Mutator("two content types", Expect.Refused, (r, draft) =>
        {
            draft.ContentTypes.Add(r.Pick(["text/plain", Json]));
            return "Content-Type given twice";
        }, Core: true);
        yield return Bytes("a malformed media type", (_, body) => Encoding.UTF8.GetBytes(body), r => r.Pick(["application/", "/json", ";", "application json"]));
    }

    private static Mutator Text(string name, Func<Random, string, string> change, bool core = false) =>
        new(name, Expect.Refused, (random, draft) =>
        {
            draft.BodyText = change(random, draft.BodyText!);
            return name;
        }, Core: core);

    private static Mutator Bytes(string name, Func<Random, string, byte[]> change, string contentType, bool core = false) =>
        Bytes(name, change, _ => contentType, core);

    private static Mutator Bytes(string name, Func<Random, string, byte[]> change, Func<Random, string> contentType, bool core = false) =>
        new(name, Expect.Refused, (random, draft) =>
        {
            draft.BodyBytes = change(random, draft.BodyText!);
            draft.ContentTypes.Clear();
            var type = contentType(random);
            draft.ContentTypes.Add(type);
            return $"{name} ({type})";
        }, Core: core);
}
