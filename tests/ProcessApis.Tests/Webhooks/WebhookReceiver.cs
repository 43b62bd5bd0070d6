using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationGateway.ProcessApis.Tests.Webhooks;

/// <summary>
/// A connector's receiver on 127.0.0.1: records every request it is sent and answers as the test tells it
/// (by the attempt number), deduplicating by webhook-id as a receiver should.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    public sealed record Received(string WebhookId, string Timestamp, string Signature, string ContentType, string Body);

    public ConcurrentQueue<Received> Requests { get; } = new();

    /// <summary>What to answer the n-th request (1-based): a status, and headers to add.</summary>
    public Func<int, (int Status, string? RetryAfter)> Answer { get; set; } = _ => (200, null);

    /// <summary>Requests answered 2xx, each webhook-id once.</summary>
    public ConcurrentDictionary<string, Received> Accepted { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The receiver's own stock book, kept by adding each availability change's available - previous: an effect that
    /// doubles if a delivery is applied twice, so it shows the webhook-id dedupe working.
    /// </summary>
    public ConcurrentDictionary<string, int> Book { get; } = new(StringComparer.Ordinal);

    private int _count;

    private WebhookReceiver()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.MapPost("/hooks", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            var received = new Received(context.Request.Headers["webhook-id"].ToString(), context.Request.Headers["webhook-timestamp"].ToString(),
                context.Request.Headers["webhook-signature"].ToString(), context.Request.ContentType ?? "", body);
            Requests.Enqueue(received);
            var (status, retryAfter) = Answer(Interlocked.Increment(ref _count));
            if (retryAfter is not null)
            {
                context.Response.Headers.RetryAfter = retryAfter;
            }
            if (status is >= 200 and < 300 && Accepted.TryAdd(received.WebhookId, received))
            {
                Apply(body);
            }
            context.Response.StatusCode = status;
        });
    }

    public Uri Url { get; private set; } = null!;

    private void Apply(string body)
    {
        using var document = JsonDocument.Parse(body);
        if (document.RootElement.GetProperty("type").GetString() != "inventory.availability.changed")
        {
            return;
        }
        var data = document.RootElement.GetProperty("data");
        var delta = data.GetProperty("available").GetInt32() - (data.TryGetProperty("previous", out var p) && p.ValueKind == JsonValueKind.Number ? p.GetInt32() : 0);
        Book.AddOrUpdate(data.GetProperty("sku").GetString()!, delta, (_, units) => units + delta);
    }

    public static async Task<WebhookReceiver> StartAsync()
    {
        var receiver = new WebhookReceiver();
        await receiver._app.StartAsync();
        var address = receiver._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = new Uri(new Uri(address), "/hooks");
        return receiver;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
