using System.Net.Sockets;
using System.Text;

namespace IntegrationGateway.TestSupport.Hostile;

/// <summary>
/// HTTP/1.1 written byte for byte over a socket, for what HttpClient will not send: a header line given twice,
/// bytes that are not ASCII, NUL, oversized request lines. One request per connection.
/// </summary>
public static class RawHttp
{
    public sealed record Answer(int Status, string? MediaType, string Body, string Head);

    public static async Task<Answer> SendAsync(Uri server, byte[] request, CancellationToken cancellationToken = default)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port, cancellationToken);
        var stream = tcp.GetStream();
        try
        {
            await stream.WriteAsync(request, cancellationToken);
        }
        catch (IOException)
        {
            // The server may answer and close before it has read everything we meant to send.
        }
        using var received = new MemoryStream();
        try
        {
            await stream.CopyToAsync(received, cancellationToken).WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        }
        catch (IOException)
        {
            // A reset after the answer was written still leaves the answer readable.
        }
        return Parse(received.ToArray());
    }

    public static byte[] Request(string method, string target, string host, IEnumerable<KeyValuePair<string, string>> headers, byte[]? body, IEnumerable<string> contentTypes)
    {
        var head = new List<byte>();
        void Line(string text) => head.AddRange(Encoding.UTF8.GetBytes(text + "\r\n"));
        Line($"{method} {target} HTTP/1.1");
        Line($"Host: {host}");
        foreach (var (name, value) in headers)
        {
            Line($"{name}: {value}");
        }
        foreach (var type in contentTypes)
        {
            Line($"Content-Type: {type}");
        }
        if (body is not null || method is "POST" or "PUT")
        {
            Line($"Content-Length: {body?.Length ?? 0}");
        }
        Line("Connection: close");
        Line("");
        return [.. head, .. body ?? []];
    }

    private static Answer Parse(byte[] bytes)
    {
        var split = IndexOf(bytes, "\r\n\r\n"u8.ToArray());
        if (split < 0)
        {
            return new Answer(0, null, "", Encoding.Latin1.GetString(bytes));
        }
        var head = Encoding.Latin1.GetString(bytes, 0, split);
        var lines = head.Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        string? Header(string name) => lines.Skip(1).Select(l => l.Split(':', 2)).Where(p => p.Length == 2 && p[0].Trim().Equals(name, StringComparison.OrdinalIgnoreCase)).Select(p => p[1].Trim()).FirstOrDefault();
        var content = bytes[(split + 4)..];
        if (Header("Transfer-Encoding")?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true)
        {
            content = Dechunk(content);
        }
        var mediaType = Header("Content-Type")?.Split(';')[0].Trim();
        return new Answer(status, mediaType, Encoding.UTF8.GetString(content), head);
    }

    private static byte[] Dechunk(byte[] content)
    {
        var output = new MemoryStream();
        var at = 0;
        while (at < content.Length)
        {
            var end = IndexOf(content[at..], "\r\n"u8.ToArray());
            if (end < 0)
            {
                break;
            }
            var size = Convert.ToInt32(Encoding.ASCII.GetString(content, at, end).Split(';')[0].Trim(), 16);
            at += end + 2;
            if (size == 0 || at + size > content.Length)
            {
                break;
            }
            output.Write(content, at, size);
            at += size + 2;
        }
        return output.ToArray();
    }

    private static int IndexOf(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle);
}
