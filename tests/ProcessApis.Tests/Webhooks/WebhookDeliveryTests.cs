using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IntegrationGateway.ServiceDefaults.Auth;
using IntegrationGateway.TestSupport;
using IntegrationGateway.TestSupport.Hosting;

namespace IntegrationGateway.ProcessApis.Tests.Webhooks;

public sealed class WebhookDeliveryOnSqliteTests(WebhookStackFixture fixture) : WebhookDeliveryTests, IClassFixture<WebhookStackFixture>
{
    protected override WebhookStack Hooks => fixture.Hooks;
}

public sealed class WebhookDeliveryOnPostgresTests(PostgresWebhookStackFixture fixture) : WebhookDeliveryTests, IClassFixture<PostgresWebhookStackFixture>
{
    protected override WebhookStack Hooks => fixture.Hooks;
}

/// <summary>Standard Webhooks deliveries from outbox rows to a real receiver on 127.0.0.1, retries moved on by a shifted clock; on each store.</summary>
public abstract class WebhookDeliveryTests
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(20);
    protected abstract WebhookStack Hooks { get; }

    private static string Sku() => "WH-" + Guid.NewGuid().ToString("N")[..10];

    // An independent Standard Webhooks check: HMAC-SHA256 under the decoded secret of "id.timestamp.body".
    private static string Expected(string secret, WebhookReceiver.Received r) =>
        "v1," + Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(secret["whsec_".Length..]), Encoding.UTF8.GetBytes($"{r.WebhookId}.{r.Timestamp}.{r.Body}")));

    [Fact]
    public async Task DeliveryIsSignedSoAnIndependentVerifierAcceptsIt()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (_, secret) = await Hooks.SubscribeAsync(receiver.Url);
        Assert.StartsWith("whsec_", secret);
        Assert.Equal(32, Convert.FromBase64String(secret["whsec_".Length..]).Length);
        var sku = Sku();
        var (eventId, sequence) = await Hooks.PublishAsync("marketplace", sku, 5, 7);

        var got = await Eventually.ReachesAsync(() => Task.FromResult(receiver.Requests.ToArray()), r => r.Length >= 1, Within);
        var delivery = Assert.Single(got);
        Assert.Equal(eventId, delivery.WebhookId);
        Assert.Equal(Expected(secret, delivery), delivery.Signature);
        Assert.StartsWith("application/json", delivery.ContentType);
        Assert.InRange(long.Parse(delivery.Timestamp, System.Globalization.CultureInfo.InvariantCulture) - Hooks.Clock.GetUtcNow().ToUnixTimeSeconds(), -30, 1);
        var body = JsonDocument.Parse(delivery.Body).RootElement;
        Assert.Equal("inventory.availability.changed", body.GetProperty("type").GetString());
        Assert.True(DateTimeOffset.TryParse(body.GetProperty("timestamp").GetString(), System.Globalization.CultureInfo.InvariantCulture, out _));
        var data = body.GetProperty("data");
        Assert.Equal("marketplace", data.GetProperty("channel").GetString());
        Assert.Equal(sku, data.GetProperty("sku").GetString());
        Assert.Equal(5, data.GetProperty("available").GetInt32());
        Assert.Equal(7, data.GetProperty("previous").GetInt32());
        Assert.Equal(sequence, data.GetProperty("sequence").GetInt64());
        Assert.Equal("DC1", data.GetProperty("locations")[0].GetProperty("location").GetString());
    }

    [Fact]
    public async Task AReceiverFailingThreeTimesGetsTheEventOnceUnderOneIdWithFourAttemptsLogged()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = n => n <= 3 ? (500, null) : (200, null);
        var (id, _) = await Hooks.SubscribeAsync(receiver.Url);
        var (eventId, _) = await Hooks.PublishAsync("marketplace", Sku(), 3, 4);

        foreach (var step in new[] { TimeSpan.FromSeconds(6), TimeSpan.FromMinutes(6), TimeSpan.FromMinutes(36) })
        {
            var before = receiver.Requests.Count;
            await Eventually.ReachesAsync(() => Task.FromResult(receiver.Requests.Count), c => c > before - 0 && c >= 1, Within);
            await Eventually.ReachesAsync(async () => (await Hooks.DeliveriesAsync(id)).GetArrayLength(), c => c >= receiver.Requests.Count, Within);
            // Failing from the first refusal on, until a delivery succeeds.
            Assert.NotNull(await Hooks.FailingSinceAsync(id));
            Hooks.Clock.Advance(step);
            await Eventually.ReachesAsync(() => Task.FromResult(receiver.Requests.Count), c => c > before, Within);
        }
        await Eventually.ReachesAsync(() => Task.FromResult(receiver.Requests.Count), c => c >= 4, Within);
        var log = await Eventually.ReachesAsync(() => Hooks.DeliveriesAsync(id), l => l.GetArrayLength() >= 4, Within);

        Assert.Equal(4, receiver.Requests.Count);
        Assert.All(receiver.Requests, r => Assert.Equal(eventId, r.WebhookId));
        Assert.Single(receiver.Accepted);
        Assert.Equal([4, 3, 2, 1], log.EnumerateArray().Select(a => a.GetProperty("attempt").GetInt32()));
        Assert.Equal([200, 500, 500, 500], log.EnumerateArray().Select(a => a.GetProperty("statusCode").GetInt32()));
        Assert.Equal(JsonValueKind.Null, log[0].GetProperty("nextAttemptAt").ValueKind);
        Assert.NotEqual(JsonValueKind.Null, log[1].GetProperty("nextAttemptAt").ValueKind);
        Assert.Null(await Hooks.FailingSinceAsync(id));
    }

    [Fact]
    public async Task GoneDisablesTheSubscriptionAtOnceAndKeepsItsEvents()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = _ => (410, null);
        var (id, _) = await Hooks.SubscribeAsync(receiver.Url);
        await Hooks.PublishAsync("marketplace", Sku(), 1, 2);

        var subscription = await Eventually.ReachesAsync(() => Hooks.SubscriptionAsync(id), s => s.GetProperty("state").GetString() == "disabled", Within);
        Assert.Contains("410", subscription.GetProperty("disabledReason").GetString());
        Hooks.Clock.Advance(TimeSpan.FromHours(1));
        await Task.Delay(300);
        Assert.Single(receiver.Requests);
        var log = await Hooks.DeliveriesAsync(id);
        Assert.Contains("disabled", log[0].GetProperty("error").GetString());
    }

    [Fact]
    public async Task RetryAfterOf429IsHonoured()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = n => n == 1 ? (429, "3600") : (200, null);
        var (id, _) = await Hooks.SubscribeAsync(receiver.Url);
        await Hooks.PublishAsync("marketplace", Sku(), 1, 2);

        var log = await Eventually.ReachesAsync(() => Hooks.DeliveriesAsync(id), l => l.GetArrayLength() >= 1, Within);
        var attempted = log[0].GetProperty("attemptedAt").GetDateTimeOffset();
        Assert.Equal(attempted.AddHours(1), log[0].GetProperty("nextAttemptAt").GetDateTimeOffset());
        // The schedule's 5 s step is passed, the receiver's hour is not: nothing is sent yet.
        Hooks.Clock.Advance(TimeSpan.FromMinutes(10));
        await Task.Delay(300);
        Assert.Single(receiver.Requests);
        Hooks.Clock.Advance(TimeSpan.FromMinutes(51));
        await Eventually.ReachesAsync(() => Task.FromResult(receiver.Accepted.Count), c => c == 1, Within);
        Assert.Equal(2, receiver.Requests.Count);
    }

    [Fact]
    public async Task RotationSignsWithBothSecretsDuringTheWindow()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (id, oldSecret) = await Hooks.SubscribeAsync(receiver.Url);
        var rotated = await WebhookStack.PostAsync(Hooks.Connector("marketplace"), $"/marketplace/v1/webhooks/{id}/rotate-secret", new { });
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var newSecret = JsonDocument.Parse(await rotated.Content.ReadAsStringAsync()).RootElement.GetProperty("secret").GetString()!;
        await Hooks.PublishAsync("marketplace", Sku(), 1, 2);

        var delivery = (await Eventually.ReachesAsync(() => Task.FromResult(receiver.Requests.ToArray()), r => r.Length >= 1, Within))[0];
        var signatures = delivery.Signature.Split(' ');
        Assert.Equal(2, signatures.Length);
        Assert.Contains(Expected(newSecret, delivery), signatures);
        Assert.Contains(Expected(oldSecret, delivery), signatures);
    }

    [Fact]
    public async Task ABackedUpReceiverGetsTheNewestFigureWithTheSequencesItCovers()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = n => n == 1 ? (503, null) : (200, null);
        var (id, _) = await Hooks.SubscribeAsync(receiver.Url);
        var sku = Sku();
        var first = await Hooks.PublishAsync("marketplace", sku, 10, 12);
        await Eventually.ReachesAsync(async () => (await Hooks.DeliveriesAsync(id)).GetArrayLength(), c => c >= 1, Within);
        // While the first message waits for its retry, three more figures arrive; the newest supersedes the others.
        var second = await Hooks.PublishAsync("marketplace", sku, 9, 10);
        await Hooks.PublishAsync("marketplace", sku, 8, 9);
        var fourth = await Hooks.PublishAsync("marketplace", sku, 7, 8);
        await Task.Delay(300);
        Hooks.Clock.Advance(TimeSpan.FromSeconds(6));

        await Eventually.ReachesAsync(() => Task.FromResult(receiver.Accepted.Count), c => c >= 2, Within);
        await Task.Delay(300);
        var accepted = receiver.Requests.Where(r => receiver.Accepted.ContainsKey(r.WebhookId)).Select(r => r.WebhookId).Distinct().ToList();
        Assert.Equal([first.EventId, fourth.EventId], accepted);
        var data = JsonDocument.Parse(receiver.Accepted[fourth.EventId].Body).RootElement.GetProperty("data");
        Assert.Equal(7, data.GetProperty("available").GetInt32());
        Assert.Equal(10, data.GetProperty("previous").GetInt32());
        Assert.Equal(fourth.Sequence, data.GetProperty("sequence").GetInt64());
        Assert.Equal(second.Sequence, data.GetProperty("coveredSequences").GetProperty("from").GetInt64());
        Assert.Equal(fourth.Sequence, data.GetProperty("coveredSequences").GetProperty("to").GetInt64());
    }

    [Fact]
    public async Task AnAlwaysFailingReceiverEndsDisabledWithItsEventsKeptAndAReplayDeliversEachOnce()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var healthy = false;
        receiver.Answer = _ => healthy ? (200, null) : (500, null);
        var (id, _) = await Hooks.SubscribeAsync(receiver.Url);
        var a = await Hooks.PublishAsync("marketplace", Sku(), 1, 2);
        var b = await Hooks.PublishAsync("marketplace", Sku(), 3, 4);

        // Five days of retries at most 11 hours apart, moved on at once.
        var subscription = await Hooks.SubscriptionAsync(id);
        for (var i = 0; i < 40 && subscription.GetProperty("state").GetString() == "enabled"; i++)
        {
            var before = receiver.Requests.Count;
            Hooks.Clock.Advance(TimeSpan.FromHours(11));
            await Eventually.ReachesAsync(() => Task.FromResult(receiver.Requests.Count), c => c >= before + 2, TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(50));
            await Task.Delay(100);
            subscription = await Hooks.SubscriptionAsync(id);
        }
        Assert.Equal("disabled", subscription.GetProperty("state").GetString());
        Assert.Contains("days", subscription.GetProperty("disabledReason").GetString());
        Assert.Contains((await Hooks.DeliveriesAsync(id)).EnumerateArray(), d => d.GetProperty("error").GetString()?.Contains("disabled", StringComparison.Ordinal) == true);
        Assert.Empty(receiver.Accepted);

        var failedBefore = receiver.Requests.Count;
        healthy = true;
        var replay = await WebhookStack.PostAsync(Hooks.Connector("marketplace"), $"/marketplace/v1/webhooks/{id}/replay", new { since = DateTimeOffset.UnixEpoch });
        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        await Eventually.ReachesAsync(() => Task.FromResult(receiver.Accepted), got => got.ContainsKey(a.EventId) && got.ContainsKey(b.EventId), Within);
        await Task.Delay(500);
        // The replay covers every kept event of the channel (other tests' too); each of this test's arrives once.
        var afterFix = receiver.Requests.Skip(failedBefore).ToList();
        Assert.Single(afterFix, r => r.WebhookId == a.EventId);
        Assert.Single(afterFix, r => r.WebhookId == b.EventId);
        Assert.Equal("enabled", (await Hooks.SubscriptionAsync(id)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task AMarketplaceClientCannotSeeAStorefrontSubscriptionAndNeedsTheScope()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (id, _) = await Hooks.SubscribeAsync(receiver.Url, "storefront", "/storefront/v2");

        var other = await Hooks.Connector("marketplace").GetAsync($"/marketplace/v1/webhooks/{id}");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
        var list = JsonDocument.Parse(await Hooks.Connector("marketplace").GetStringAsync("/marketplace/v1/webhooks?limit=100")).RootElement;
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), s => s.GetProperty("id").GetString() == id);
        Assert.Equal(HttpStatusCode.NotFound, (await Hooks.Connector("marketplace").DeleteAsync($"/marketplace/v1/webhooks/{id}")).StatusCode);

        var unscoped = await Hooks.Connector("marketplace", TestTokens.StorefrontScopes).GetAsync("/marketplace/v1/webhooks");
        Assert.Equal(HttpStatusCode.Forbidden, unscoped.StatusCode);
        Assert.Equal("application/problem+json", unscoped.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await Hooks.Connector("storefront").GetAsync($"/storefront/v2/webhooks/{id}")).StatusCode);
    }

    [Fact]
    public async Task ABackfillDeliversTheCurrentFigureOfEverySkuAsOfItsSequenceThenTheStream()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var sku = Sku();
        var database = Hooks.Stack.Process.Services.GetService(typeof(ServiceDefaults.Storage.Database)) as ServiceDefaults.Storage.Database;
        await using (var connection = await database!.OpenAsync(CancellationToken.None))
        {
            await Dapper.SqlMapper.ExecuteAsync(connection, """
                INSERT INTO channel_availability (channel_id, sku, sequence, available, locations, source_version, updated_at)
                VALUES ('b2b', @sku, 41, 6, '[{"location":"DC1","available":6}]', 77, 0)
                """, new { sku });
        }
        var (id, _) = await Hooks.SubscribeAsync(receiver.Url, "b2b", "/b2b/v1", backfill: true);
        var next = await Hooks.PublishAsync("b2b", sku, 5, 6, sequence: 42);

        await Eventually.ReachesAsync(() => Task.FromResult(receiver.Accepted.Count), c => c >= 2, Within);
        var bodies = receiver.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement)
            .Where(b => b.GetProperty("data").GetProperty("sku").GetString() == sku).ToList();
        Assert.Equal("inventory.availability.snapshot", bodies[0].GetProperty("type").GetString());
        Assert.Equal(41, bodies[0].GetProperty("data").GetProperty("sequence").GetInt64());
        Assert.Equal(6, bodies[0].GetProperty("data").GetProperty("available").GetInt32());
        Assert.Equal("inventory.availability.changed", bodies[1].GetProperty("type").GetString());
        Assert.Equal(next.Sequence, bodies[1].GetProperty("data").GetProperty("sequence").GetInt64());
        _ = id;
    }
}

/// <summary>Targets inside the network are refused unless configured (the test stacks allow them for local receivers).</summary>
public sealed class WebhookTargetTests
{
    [Fact]
    public async Task PrivateLoopbackAndLinkLocalTargetsAreRefusedUnlessAllowed()
    {
        await using var hooks = WebhookStack.Start(allowPrivateTargets: false);
        foreach (var url in new[] { "http://127.0.0.1:9/hooks", "http://10.1.2.3/hooks", "http://169.254.169.254/latest", "http://[::1]/x", "http://0.0.0.0/", "http://localhost/x", "ftp://example.com/x" })
        {
            var response = await WebhookStack.PostAsync(hooks.Connector("marketplace"), "/marketplace/v1/webhooks", new { url, events = new[] { "inventory.availability.changed" } });
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url}: {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        var list = JsonDocument.Parse(await hooks.Connector("marketplace").GetStringAsync("/marketplace/v1/webhooks")).RootElement;
        Assert.Equal(0, list.GetProperty("items").GetArrayLength());
    }
}
