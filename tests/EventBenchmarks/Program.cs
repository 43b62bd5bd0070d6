using System.Globalization;
using IntegrationGateway.EventBenchmarks;
using IntegrationGateway.TestSupport.Postgres;

// The event path as users run it: the four services published in Release, each its own process; wrk out of process
// against the gateway and against a bare YARP reference, alternating; then N stock changes at a set rate, timed from
// their ERP commit to the read models and to local webhook receivers. Prints markdown; --out FILE writes it.
if (Reference.IsMode(args))
{
    await Reference.RunAsync(args);
    return 0;
}

var options = Options.Parse(args);
var repository = Published.RepositoryRoot();
var work = Directory.CreateTempSubdirectory("ig-event-bench-work-").FullName;
var logs = Path.Combine(work, "logs");
Directory.CreateDirectory(logs);
var published = await Published.PrepareAsync(repository, Path.Combine(Path.GetTempPath(), "ig-event-bench-publish"), options.Publish);
await using var sink = await Telemetry.Sink.StartAsync();

// One wait budget for the whole run, not one per phase.
var quietUntil = DateTimeOffset.UtcNow + options.QuietWait;
var reads = new List<string>();
var propagation = new List<string>();
var notes = new List<string>();
foreach (var store in options.Stores)
{
    PostgresCluster? cluster = null;
    (string, string)? postgres = null;
    if (store == "PostgreSQL")
    {
        cluster = await PostgresCluster.StartAsync();
        postgres = (await cluster.CreateDatabaseAsync(), await cluster.CreateDatabaseAsync());
    }
    try
    {
        await MeasureOnAsync(store, postgres);
        if (options.Nats && options.Propagation)
        {
            // The scale-out transport: the same propagation through a private JetStream broker, on fresh databases
            // for PostgreSQL. Reads do not change with the transport (they answer from memory), so are not repeated.
            await using var broker = await IntegrationGateway.TestSupport.Nats.NatsServer.StartAsync();
            var again = cluster is null ? null : ((string, string)?)(await cluster.CreateDatabaseAsync(), await cluster.CreateDatabaseAsync());
            await MeasureOnAsync($"{store} + NATS", again, broker.Url, measureReads: false);
        }
    }
    finally
    {
        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }
    }
}

await WriteReportAsync();
Console.WriteLine($"logs: {logs}");
return 0;

async Task MeasureOnAsync(string store, (string, string)? postgres, string? nats = null, bool measureReads = true)
{
    await using var stack = await LocalStack.StartAsync(published, sink.Address, logs, postgres, nats);
    Console.WriteLine($"{store}: stack up (gateway {stack.Gateway.Address}, experience {stack.Experience.Address})");
    if (options.Reads && measureReads)
    {
        var (cpu, quiet) = await Quiet.WaitAsync(options.QuietBelow, quietUntil);
        notes.Add($"{store} reads: CPU busy {cpu} in the 5 s before the start{(quiet ? "" : " (never quiet: measured anyway)")}.");
        var sku = await new IntegrationGateway.TestSupport.Hosting.Inventory(ErpClient(stack)).NewSkuAsync(("EU-1", 9), ("US-1", 3));
        var runs = await ReadBenchmark.MeasureAsync(stack, sku, work, logs, options.Wrk, options.WarmUpSeconds, options.Rounds, options.Counters);
        reads.AddRange(ReadBenchmark.Rows(store, runs));
        await WriteReportAsync();
    }
    if (options.Propagation)
    {
        var (cpu, quiet) = await Quiet.WaitAsync(options.QuietBelow, quietUntil);
        notes.Add($"{store} propagation: CPU busy {cpu} in the 5 s before the start{(quiet ? "" : " (never quiet: measured anyway)")}.");
        var result = await PropagationBenchmark.MeasureAsync(stack, options.Changes);
        propagation.AddRange(PropagationBenchmark.Rows(store, result));
        notes.Add(PropagationBenchmark.CpuLine(store, result));
        notes.Add(PropagationBenchmark.TimelineLine(store, result));
        await WriteReportAsync();
    }
}

// Written after every phase, so a later failure keeps what was measured.
async Task WriteReportAsync()
{
    var c = options.Changes;

    var report = string.Join("\n", new[]
    {
        $"Measured {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores, .NET {Environment.Version}; services published in Release, each its own `dotnet` process on 127.0.0.1,",
        "Development environment and shipped settings as the app host gives them (rate limits as shipped), telemetry exporting over OTLP/HTTP to a local sink.",
        "",
        $"Availability reads: `wrk -t{options.Wrk.Threads} -c{options.Wrk.Connections} -d{options.Wrk.Seconds}s --latency`, each request with the next of {ReadBenchmark.Clients} storefront clients' tokens, after a {options.WarmUpSeconds} s warm-up of each target; gateway and reference alternate.",
        "Reference: a bare YARP proxy (JWT validation, channel and scope check, per-client token bucket 200/100 per s) in front of a minimal endpoint validating the token again and answering the captured storefront bytes and headers.",
        "CPU: milliseconds of CPU (user + system, from /proc) per 1,000 requests, per process on the path.",
        "",
        "| target | store | round | req/s | of reference | p50 ms | p90 ms | p99 ms | non-2xx | CPU ms per 1k requests |",
        "|---|---|---|---|---|---|---|---|---|---|",
    }.Concat(reads).Concat(new[]
    {
        "",
        $"Propagation: {c.Changes} single-unit receipts at {c.Rate}/s through the ERP API (Idempotency-Key each), over {c.Skus} SKUs, after {c.WarmUp} untimed ones at the same rate as a warm-up;",
        "from the ERP stock event's occurredAt (ms) to the first",
        $"answer showing the new figure (read models watched through the experience API, {c.Pause.TotalMilliseconds:0} ms pause between answers) or the first webhook delivery carrying it.",
        "",
        "| path | store | changes seen | sent per s | p50 ms | p95 ms | p99 ms | max ms |",
        "|---|---|---|---|---|---|---|---|",
    }).Concat(propagation).Append("").Concat(notes).Append($"OTLP bytes received by the sink: {sink.Bytes:N0}."));
    Console.WriteLine(report);
    if (options.Out is { } file)
    {
        await File.WriteAllTextAsync(file, "# Event-path benchmark results\n\n`dotnet run -c Release --project tests/EventBenchmarks -- " + string.Join(" ", args) + "`\n\n" + report + "\n");
    }
}

static HttpClient ErpClient(LocalStack stack)
{
    var client = new HttpClient { BaseAddress = stack.Erp.Address };
    client.DefaultRequestHeaders.Authorization = new("Bearer", IntegrationGateway.TestSupport.Hosting.TestTokens.For("bench-ops", null, "inventory:admin", TimeSpan.FromHours(2)));
    return client;
}
