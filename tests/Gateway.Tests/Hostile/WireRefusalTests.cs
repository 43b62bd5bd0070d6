using System.Text;
using IntegrationGateway.TestSupport.Hostile;
using IntegrationGateway.TestSupport.Hosting;
using Xunit.Abstractions;

namespace IntegrationGateway.Gateway.Tests.Hostile;

/// <summary>Malformed HTTP written byte for byte at the gateway: a 4xx every time, with problem details wherever the server can give them.</summary>
public sealed class WireRefusalTests(SqliteStackFixture fixture, ITestOutputHelper output) : IClassFixture<SqliteStackFixture>
{
    private const string Path = "/storefront/v2/availability/ANY-SKU";
    private readonly Stack _stack = fixture.Stack;

    public static TheoryData<WireCase> Cases =>
    [
        new("a header value with a NUL byte", (host, token) => Request(host, token, Path, "X-Note: a\0b\r\n"), BeforeTheApplication: true),
        new("a header value in raw UTF-8", (host, token) => Request(host, token, Path, "X-Note: ключ\r\n")),
        new("a header value in raw Latin-1", (host, token) => [.. Request(host, token, Path, "X-Note: caf")[..^2], 0xE9, .. "\r\n\r\n"u8.ToArray()], BeforeTheApplication: true),
        new("a header name with a space", (host, token) => Request(host, token, Path, "X Note: 1\r\n"), BeforeTheApplication: true),
        new("a header name with a control character", (host, token) => Request(host, token, Path, "X-\u0001Note: 1\r\n"), BeforeTheApplication: true),
        new("headers over 20 KB in all", (host, token) => Request(host, token, Path, string.Concat(Enumerable.Range(0, 5).Select(i => $"X-Filler-{i}: {new string('x', 4_096)}\r\n")))),
        new("headers over 200 KB in all, past any server's own limit", (host, token) => Request(host, token, Path, string.Concat(Enumerable.Range(0, 50).Select(i => $"X-Filler-{i}: {new string('x', 4_096)}\r\n"))), BeforeTheApplication: true),
        new("100 header lines", (host, token) => Request(host, token, Path, string.Concat(Enumerable.Range(0, 100).Select(i => $"X-H{i}: 1\r\n")))),
        new("one header of 40 KB", (host, token) => Request(host, token, Path, $"X-Filler: {new string('x', 40_000)}\r\n")),
        new("a request line of 20 KB", (host, token) => Request(host, token, "/storefront/v2/availability/" + new string('A', 20_000), "")),
        new("a request line of 200 KB, past any server's own limit", (host, token) => Request(host, token, "/storefront/v2/availability/" + new string('A', 200_000), ""), BeforeTheApplication: true),
        new("a path with an escaped NUL", (host, token) => Request(host, token, "/storefront/v2/availability/A%00B", ""), BeforeTheApplication: true),
        new("a path with a raw non-ASCII byte", (host, token) => [.. Encoding.ASCII.GetBytes("GET /storefront/v2/availability/A"), 0xE9, .. Request(host, token, "B", "")[("GET ".Length + 1)..]], BeforeTheApplication: true),
        new("a path with an escaped CR LF", (host, token) => Request(host, token, "/storefront/v2/availability/A%0D%0AX-Injected:%201", "")),
        new("bare LF line endings", (host, token) => Encoding.ASCII.GetBytes($"GET {Path} HTTP/1.1\nHost: {host}\nAuthorization: Bearer {token}\nConnection: close\n\n"), BeforeTheApplication: true),
        new("Content-Length and Transfer-Encoding together", (host, token) => Post(host, token, "Content-Length: 2\r\nTransfer-Encoding: chunked\r\n", "0\r\n\r\n"), BeforeTheApplication: true),
        new("a Content-Length that is not a number", (host, token) => Post(host, token, "Content-Length: abc\r\n", "{}"), BeforeTheApplication: true),
        new("two different Content-Lengths", (host, token) => Post(host, token, "Content-Length: 2\r\nContent-Length: 3\r\n", "{}"), BeforeTheApplication: true),
        new("a chunk size that is not hex", (host, token) => Post(host, token, "Transfer-Encoding: chunked\r\n", "zz\r\n{}\r\n0\r\n\r\n"), BeforeTheApplication: true),
        new("a declared body over the 1 MB limit", (host, token) => Post(host, token, "Content-Length: 50000000\r\n", "{}")),
        new("an unknown method", (host, token) => Encoding.ASCII.GetBytes($"BREW {Path} HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer {token}\r\nConnection: close\r\n\r\n")),
        new("DELETE on an order collection", (host, token) => Encoding.ASCII.GetBytes($"DELETE /storefront/v2/orders HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer {token}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")),
        new("an API version that does not exist", (host, token) => Request(host, token, "/storefront/v9/availability/ANY-SKU", "")),
        new("a path outside every contract", (host, token) => Request(host, token, "/storefront/v2/../../system/erp/v1/locations", "")),
        new("an absolute-form target naming another host", (host, token) => Request(host, token, "http://evil.example" + Path, ""), BeforeTheApplication: true),
        new("HTTP/1.0 without a Host", (_, token) => Encoding.ASCII.GetBytes($"GET {Path} HTTP/1.0\r\nAuthorization: Bearer {token}\r\n\r\n")),
        new("an unsupported HTTP version", (host, token) => Encoding.ASCII.GetBytes($"GET {Path} HTTP/3.7\r\nHost: {host}\r\nAuthorization: Bearer {token}\r\nConnection: close\r\n\r\n"), BeforeTheApplication: true, AlsoAllowed: 505),
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task MalformedHttpIsRefusedWithA4xxAndProblemDetailsWhereTheServerCanGiveThem(WireCase wire)
    {
        var server = _stack.Gateway.Address;
        var token = TestTokens.Storefront("wire");

        var bytes = wire.Bytes(server.Authority, token);
        var target = Encoding.Latin1.GetString(bytes).Split(' ', 3)[1];

        var answer = await RawHttp.SendAsync(server, bytes);

        output.WriteLine($"{wire.Name}: {answer.Status} {answer.MediaType ?? "(no content type)"} {HostileRequest.Printable(answer.Body, 300)}");
        Assert.True(answer.Status is >= 400 and < 500 || answer.Status == wire.AlsoAllowed, $"{wire.Name}: expected a 4xx, got {answer.Status} {HostileRequest.Printable(answer.Head, 300)} {HostileRequest.Printable(answer.Body, 300)}");
        if (!wire.BeforeTheApplication || answer.Body.Length > 0)
        {
            var request = new HostileRequest("wire", wire.Name, Expect.Refused, "GET", target.StartsWith('/') ? target : new Uri(target).PathAndQuery, [], null, [], null);
            var problem = AnswerCheck.Problem(request, answer.Status, answer.MediaType, answer.Body);
            Assert.True(problem is null, $"{wire.Name}: {problem}");
        }
    }

    private static byte[] Request(string host, string token, string target, string extraHeaders) =>
        Encoding.UTF8.GetBytes($"GET {target} HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer {token}\r\n{extraHeaders}Connection: close\r\n\r\n");

    private static byte[] Post(string host, string token, string framing, string body) =>
        Encoding.ASCII.GetBytes($"POST /storefront/v2/orders HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer {token}\r\nIdempotency-Key: wire-{Guid.NewGuid():N}\r\n" +
            $"Content-Type: application/json\r\n{framing}Connection: close\r\n\r\n{body}");
}
