using System.Net;
using System.Text.Json;

namespace IntegrationGateway.EventBenchmarks;

/// <summary>
/// A local webhook receiver, one path per channel: notes when each availability delivery arrived and answers 204 at
/// once, so every arrival is a first attempt. Signatures are not checked: this measures time, not trust.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookReceiver(WebApplication app, IReadOnlyDictionary<string, Sightings> channels)
    {
        _app = app;
        Channels = channels;
    }

    public IReadOnlyDictionary<string, Sightings> Channels { get; }

    public Uri Address { get; private set; } = null!;

    public Uri UrlFor(string channel) => new(Address, $"/hooks/{channel}");

    public static async Task<WebhookReceiver> StartAsync(IEnumerable<string> channels)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var sightings = channels.ToDictionary(c => c, c => new Sightings($"webhook {c}"), StringComparer.Ordinal);
        var receiver = new WebhookReceiver(app, sightings);
        app.MapPost("/hooks/{channel}", async (string channel, HttpContext context) =>
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body);
            var at = DateTimeOffset.UtcNow;
            if (sightings.TryGetValue(channel, out var seen) && body.RootElement.GetProperty("data") is var data
                && data.TryGetProperty("sku", out var sku) && data.TryGetProperty("available", out var available))
            {
                seen.Saw(sku.GetString()!, available.GetInt32(), at);
            }
            return Results.NoContent();
        });
        await app.StartAsync();
        receiver.Address = new Uri(app.Urls.First());
        return receiver;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
