using System.Diagnostics;
using System.Net.Http.Json;
using IntegrationGateway.Contracts.Erp;
using IntegrationGateway.TestSupport.Hosting;

namespace IntegrationGateway.EventBenchmarks;

/// <summary>
/// N single-unit receipts at a set rate through the ERP API, spread over a set of SKUs; for each, the time from its
/// commit (the ERP stock event's occurredAt) to when the storefront and marketplace read models first answer the new
/// figure, and to when each channel's webhook receiver first gets a delivery carrying it. Nothing is added to the product.
/// </summary>
public static class PropagationBenchmark
{
    public const string Location = "EU-1";
    public const int Initial = 10;
    public static readonly string[] WebhookChannels = ["storefront", "marketplace", "b2b"];

    /// <param name="WarmUp">Receipts sent first at the same rate, untimed, over the same SKUs, so the figures are of a warm stack
    /// (tiered JIT done, pools and caches filled), as a service that has been running is; rounded up to whole rounds of SKUs.
    /// The default is 20,000 (100 s at 200/s): after 6,000 the services' tiered compilation threads still used a fifth of
    /// the machine in the timed window (perf, PostgreSQL), after 20,000 under 1%.</param>
    public sealed record Settings(int Changes, int Rate, int Skus, TimeSpan Pause, int WarmUp);

    /// <param name="BySecond">The slowest change to reach every read model, per second of commits: a stall shows as a run of
    /// seconds, queueing behind a busy machine as a spread of single ones.</param>
    public sealed record Result(Settings Settings, double SentPerSecond, IReadOnlyList<(string Path, double[] Ms, int Missing)> Paths, IReadOnlyList<(string Process, TimeSpan Cpu)> Cpu,
        IReadOnlyList<double> BySecond);

    public static async Task<Result> MeasureAsync(LocalStack stack, Settings settings)
    {
        using var erp = Client(stack.Erp.Address, TestTokens.For("bench-ops", null, "inventory:admin", TimeSpan.FromHours(2)));
        using var storefront = Client(stack.Experience.Address, TestTokens.For("bench-watch-storefront", "storefront", TestTokens.StorefrontScopes, TimeSpan.FromHours(2)));
        using var marketplace = Client(stack.Experience.Address, TestTokens.For("bench-watch-marketplace", "marketplace", TestTokens.StorefrontScopes, TimeSpan.FromHours(2)));
        var inventory = new Inventory(erp);

        var skus = new List<string>();
        for (var i = 0; i < settings.Skus; i++)
        {
            skus.Add(await inventory.NewSkuAsync((Location, Initial)));
        }
        await using var receiver = await WebhookReceiver.StartAsync(WebhookChannels);
        // A receiver's first delivery of a SKU may cover several receipts (a superseded message): count from the seed.
        foreach (var (channel, seen) in receiver.Channels)
        {
            skus.ForEach(s => seen.Holds(s, Initial));
        }
        foreach (var channel in WebhookChannels)
        {
            await SubscribeAsync(stack.Experience.Address, channel, receiver.UrlFor(channel));
        }
        var storefrontModel = new Sightings("storefront read model");
        var marketplaceModel = new Sightings("marketplace read model");
        using var stop = new CancellationTokenSource();
        var watchers = new[]
        {
            ReadModelWatch.StorefrontAsync(storefront, skus, storefrontModel, settings.Pause, stop.Token),
            ReadModelWatch.MarketplaceAsync(marketplace, marketplaceModel, settings.Pause, stop.Token),
        };
        // Every seeded SKU in both read models before the clock starts.
        await UntilAsync(() => skus.All(s => storefrontModel.Highest(s) >= Initial && marketplaceModel.Highest(s) >= Initial), TimeSpan.FromSeconds(30), "the seeded SKUs to reach the read models");
        // The warm-up: every SKU raised WarmUp / K times, until every observer has the last figure.
        var warmRounds = (settings.WarmUp + skus.Count - 1) / skus.Count;
        var observers = new[] { storefrontModel, marketplaceModel }.Concat(WebhookChannels.Select(c => receiver.Channels[c])).ToArray();
        if (warmRounds > 0)
        {
            await DriveAsync(erp, Enumerable.Range(0, warmRounds * skus.Count).Select(i => skus[i % skus.Count]).ToArray(), settings.Rate);
            await UntilAsync(() => observers.All(o => skus.All(s => o.FirstSeen(s, Initial + warmRounds) is not null)), TimeSpan.FromSeconds(60), "the warm-up to reach every observer");
        }
        var cursor = await HeadCursorAsync(erp);

        // The changes: receipt i goes to SKU i mod K, so SKU s reaches Initial + warm-up rounds + n after its n-th receipt.
        var expected = Enumerable.Range(0, settings.Changes).Select(i => (Sku: skus[i % skus.Count], Figure: Initial + warmRounds + i / skus.Count + 1)).ToArray();
        // CPU per change of each process on the path, and of this harness (driver, watchers, receivers): the two cores are shared.
        var processes = stack.All.Select(p => (Name: p.Name, Pid: p.Id)).Append((Name: "harness", Pid: Environment.ProcessId)).ToArray();
        var cpuBefore = processes.Select(p => ServiceProcess.CpuTimeOf(p.Pid)).ToArray();
        var storeBefore = SharedCommands.Select(ServiceProcess.CpuTimeOfCommand).ToArray();
        var sentPerSecond = await DriveAsync(erp, expected.Select(e => e.Sku).ToArray(), settings.Rate);

        await UntilAsync(() => observers.All(o => expected.All(e => o.FirstSeen(e.Sku, e.Figure) is not null)), TimeSpan.FromSeconds(30), "every change to reach every observer", throwOnTimeout: false);
        await stop.CancelAsync();
        await Task.WhenAll(watchers);
        var cpu = processes.Select((p, i) => (p.Name, ServiceProcess.CpuTimeOf(p.Pid) - cpuBefore[i]))
            .Concat(SharedCommands.Select((c, i) => (c, ServiceProcess.CpuTimeOfCommand(c) - storeBefore[i])).Where(c => c.Item2 > TimeSpan.Zero))
            .ToList();

        var committed = await CommitTimesAsync(erp, cursor, settings.Changes);
        var paths = new List<(string, double[], int)>();
        (double[] Ms, int Missing) Latencies(Func<(string Sku, int Figure), DateTimeOffset?> arrival)
        {
            var ms = new List<double>();
            var missing = 0;
            foreach (var e in expected)
            {
                if (arrival(e) is { } at && committed.TryGetValue(e, out var commit))
                {
                    ms.Add((at - commit).TotalMilliseconds);
                }
                else
                {
                    missing++;
                }
            }
            return (ms.ToArray(), missing);
        }
        // Where the time goes: commit to the process API's publication (its storefront event's time), then on to the observers.
        var publication = await PublishedTimesAsync(stack.Process.Address, "storefront");
        var published = Latencies(e => publication.TryGetValue(e, out var at) ? at : null);
        paths.Add(("process publication (storefront event time)", published.Ms, published.Missing));
        foreach (var observer in observers)
        {
            var (ms, missing) = Latencies(e => observer.FirstSeen(e.Sku, e.Figure));
            paths.Add((observer.Name, ms, missing));
        }
        // A change has reached "every read model" when the later of the two has it.
        var both = Latencies(e => storefrontModel.FirstSeen(e.Sku, e.Figure) is { } a && marketplaceModel.FirstSeen(e.Sku, e.Figure) is { } b ? (a > b ? a : b) : null);
        paths.Insert(2, ("every read model (later of the two)", both.Ms, both.Missing));
        var start = committed.Values.DefaultIfEmpty().Min();
        var bySecond = expected
            .Where(e => committed.ContainsKey(e) && storefrontModel.FirstSeen(e.Sku, e.Figure) is not null && marketplaceModel.FirstSeen(e.Sku, e.Figure) is not null)
            .GroupBy(e => (int)(committed[e] - start).TotalSeconds)
            .OrderBy(g => g.Key)
            .Select(g => g.Max(e => (Later(storefrontModel.FirstSeen(e.Sku, e.Figure)!.Value, marketplaceModel.FirstSeen(e.Sku, e.Figure)!.Value) - committed[e]).TotalMilliseconds))
            .ToList();
        return new Result(settings, sentPerSecond, paths, cpu, bySecond);
    }

    public const int InFlight = 32;

    /// <summary>The servers beside the stack whose CPU is counted too, when they run.</summary>
    private static readonly string[] SharedCommands = ["postgres", "nats-server"];

    /// <summary>One receipt per SKU given, in order, at the rate; the rate achieved.</summary>
    private static async Task<double> DriveAsync(HttpClient erp, IReadOnlyList<string> receipts, int rate)
    {
        var clock = Stopwatch.StartNew();
        var sends = new List<Task>(receipts.Count);
        // Open loop at the rate, but never more than InFlight waiting: a store that falls behind (PostgreSQL's pool of 50
        // on a busy machine) slows the driver, and the table's "sent per s" says so, instead of failing receipts.
        using var inFlight = new SemaphoreSlim(InFlight);
        for (var i = 0; i < receipts.Count; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / rate);
            if (due - clock.Elapsed is { TotalMilliseconds: > 1 } wait)
            {
                await Task.Delay(wait);
            }
            await inFlight.WaitAsync();
            sends.Add(ReceiveAsync(erp, receipts[i], inFlight));
        }
        await Task.WhenAll(sends);
        return receipts.Count / clock.Elapsed.TotalSeconds;
    }

    /// <summary>One receipt under one Idempotency-Key, sent again (same key, so once) if the ERP fails it.</summary>
    private static async Task ReceiveAsync(HttpClient erp, string sku, SemaphoreSlim inFlight)
    {
        try
        {
            var key = Guid.NewGuid().ToString();
            for (var attempt = 1; ; attempt++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/system/erp/v1/movements")
                {
                    Content = JsonContent.Create(new MovementRequest { Sku = sku, Location = Location, Type = MovementType.Receipt, Quantity = 1 }),
                };
                request.Headers.Add("Idempotency-Key", key);
                using var response = await erp.SendAsync(request);
                if (response.IsSuccessStatusCode || attempt == 5)
                {
                    response.EnsureSuccessStatusCode();
                    return;
                }
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt));
            }
        }
        finally
        {
            inFlight.Release();
        }
    }

    private static HttpClient Client(Uri address, string token)
    {
        // No trace headers from the harness: it is a client, not part of the traced system.
        var client = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = null }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    private static async Task SubscribeAsync(Uri experience, string channel, Uri url)
    {
        using var client = Client(experience, TestTokens.For($"bench-hooks-{channel}", channel, "availability:read webhooks:manage", TimeSpan.FromHours(2)));
        var version = channel == "storefront" ? "v2" : "v1";
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/{channel}/{version}/webhooks")
        {
            Content = JsonContent.Create(new { url = url.ToString(), events = new[] { "inventory.availability.changed" } }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var response = await client.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Subscribing {channel} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>When the process API published each storefront figure: its inventory.availability.changed event's time.</summary>
    private static async Task<Dictionary<(string Sku, int Figure), DateTimeOffset>> PublishedTimesAsync(Uri process, string channel)
    {
        using var client = Client(process, TestTokens.For("bench-events", null, "availability:read", TimeSpan.FromHours(2)));
        var published = new Dictionary<(string, int), DateTimeOffset>();
        string? cursor = null;
        while (true)
        {
            var page = (await client.GetFromJsonAsync<IntegrationGateway.Contracts.Process.ChannelEventPage>(
                $"/process/v1/events?limit=1000&channel={channel}" + (cursor is null ? "" : "&after=" + Uri.EscapeDataString(cursor))))!;
            if (page.Events.Count == 0)
            {
                return published;
            }
            foreach (var e in page.Events.Where(e => e.Availability is not null))
            {
                published.TryAdd((e.Availability!.Sku, e.Availability.Available), e.Time);
            }
            cursor = page.NextCursor;
        }
    }

    /// <summary>The ERP stock feed's cursor after its last event.</summary>
    private static async Task<string?> HeadCursorAsync(HttpClient erp)
    {
        string? cursor = null;
        while (true)
        {
            var page = (await erp.GetFromJsonAsync<StockEventPage>("/system/erp/v1/stock-events?limit=1000" + (cursor is null ? "" : "&after=" + Uri.EscapeDataString(cursor))))!;
            if (page.Events.Count == 0)
            {
                return page.NextCursor;
            }
            cursor = page.NextCursor;
        }
    }

    /// <summary>Each receipt's commit time: the stock event that raised its SKU's available to the figure.</summary>
    private static async Task<Dictionary<(string Sku, int Figure), DateTimeOffset>> CommitTimesAsync(HttpClient erp, string? cursor, int changes)
    {
        var committed = new Dictionary<(string, int), DateTimeOffset>();
        while (committed.Count < changes)
        {
            var page = (await erp.GetFromJsonAsync<StockEventPage>("/system/erp/v1/stock-events?limit=1000" + (cursor is null ? "" : "&after=" + Uri.EscapeDataString(cursor))))!;
            if (page.Events.Count == 0)
            {
                break;
            }
            foreach (var e in page.Events.Where(e => e.Location == Location))
            {
                committed.TryAdd((e.Sku, e.Available), e.OccurredAt);
            }
            cursor = page.NextCursor;
        }
        return committed;
    }

    private static async Task UntilAsync(Func<bool> condition, TimeSpan within, string what, bool throwOnTimeout = true)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > within)
            {
                if (throwOnTimeout)
                {
                    throw new TimeoutException($"Waited {within.TotalSeconds} s for {what}.");
                }
                Console.WriteLine($"gave up after {within.TotalSeconds} s waiting for {what}");
                return;
            }
            await Task.Delay(50);
        }
    }

    public static double Percentile(double[] values, double p)
    {
        if (values.Length == 0)
        {
            return double.NaN;
        }
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    public static string TimelineLine(string store, Result result) =>
        $"{store} propagation, slowest change to every read model per second of commits (ms): {string.Join(" ", result.BySecond.Select(ms => ms.ToString("0", System.Globalization.CultureInfo.InvariantCulture)))}.";

    public static string CpuLine(string store, Result result) =>
        $"{store} propagation, CPU ms per change (until every observer had every change): " +
        string.Join(", ", result.Cpu.Select(c => $"{c.Process} {c.Cpu.TotalMilliseconds / result.Settings.Changes:0.00}")) + ".";

    public static IEnumerable<string> Rows(string store, Result result) =>
        result.Paths.Select(p =>
            $"| {p.Path} | {store} | {p.Ms.Length} of {result.Settings.Changes} | {result.SentPerSecond:0} | {Percentile(p.Ms, 50):0.0} | {Percentile(p.Ms, 95):0.0} | {Percentile(p.Ms, 99):0.0} | {(p.Ms.Length > 0 ? p.Ms.Max() : double.NaN):0.0} |");
}
