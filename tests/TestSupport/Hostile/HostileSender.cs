using System.Text;

namespace IntegrationGateway.TestSupport.Hostile;

/// <summary>Sends generated requests as written, over real HTTP; a repeated header goes out as two header lines.</summary>
public sealed class HostileSender(Uri server, string token) : IDisposable
{
    private readonly HttpClient _client = new(new SocketsHttpHandler
    {
        // The hosts' telemetry in this process would otherwise add its own traceparent to every request.
        ActivityHeadersPropagator = null,
        // Non-ASCII header values go out as UTF-8 bytes, as many real clients send them.
        RequestHeaderEncodingSelector = (_, _) => Encoding.UTF8,
    })
    { BaseAddress = server, Timeout = TimeSpan.FromSeconds(60) };

    public sealed record Answer(int Status, string? MediaType, string Body);

    public async Task<Answer> SendAsync(HostileRequest request, CancellationToken cancellationToken = default)
    {
        var headers = request.Headers.Prepend(new("Authorization", "Bearer " + token)).ToList();
        var repeated = headers.GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase).Any(g => g.Count() > 1) || request.ContentTypes.Count > 1;
        if (repeated)
        {
            var raw = await RawHttp.SendAsync(server, RawHttp.Request(request.Method, request.Target, server.Authority, headers, request.Body, request.ContentTypes), cancellationToken);
            return new Answer(raw.Status, raw.MediaType, raw.Body);
        }
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Target);
        foreach (var (name, value) in headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }
        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(request.Body);
            foreach (var type in request.ContentTypes)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", type);
            }
        }
        else if (request.Method is "POST" or "PUT")
        {
            message.Content = new ByteArrayContent([]);
        }
        using var response = await _client.SendAsync(message, cancellationToken);
        return new Answer((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync(cancellationToken));
    }

    public void Dispose() => _client.Dispose();
}
