using System.Net.Http.Json;
using IntegrationGateway.Benchmarks;
using IntegrationGateway.TestSupport.Hosting;
using IntegrationGateway.TestSupport.Postgres;

// Whole-stack figures on this machine: every request goes client -> gateway -> storefront -> process -> ERP
// over loopback HTTP, as in production; then the contract tool's diff of two 5,000-operation documents.
// Bounded in count; prints markdown tables and, with --out FILE, writes them.
const int Orders = 2000;
const int Reads = 4000;
const int Concurrency = 16;

// `--only diff` times the contract diff alone (seconds, not minutes), for a change to the contract tool;
// `--only statements` the multi-row and "is one of" statements on both engines, writing --out FILE when given.
var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault();
if (only == "statements")
{
    var statements = await StatementBenchmark.RunAsync();
    Console.WriteLine(statements);
    if (Array.IndexOf(args, "--out") is var at and >= 0 && at + 1 < args.Length)
    {
        await File.WriteAllTextAsync(args[at + 1], "# Statement shapes on the event path\n\n`dotnet run -c Release --project tests/Benchmarks -- --only statements --out tests/Benchmarks/results-statements.md`\n\n" + statements + "\n");
    }
    return;
}
var onlyDiff = only == "diff";
var results = new List<LoadRun.Result>();
if (!onlyDiff)
{
    await using (var sqlite = Stack.Start())
    {
        results.AddRange(await MeasureAsync(sqlite, "SQLite"));
    }
    await using var cluster = await PostgresCluster.StartAsync();
    var stack = Stack.Start(new StackOptions { Postgres = (await cluster.CreateDatabaseAsync(), await cluster.CreateDatabaseAsync()) });
    results.AddRange(await MeasureAsync(stack, "PostgreSQL"));
    await stack.DisposeAsync();
}

var diff = await ContractDiffBenchmark.RunAsync();
var table = string.Join("\n", new[]
{
    $"Measured {DateTimeOffset.UtcNow:yyyy-MM-dd} on {Environment.ProcessorCount} cores, .NET {Environment.Version}, Release build; client and all four services in one process over loopback HTTP.",
    "",
    "| scenario | store | requests | in flight | req/s | p50 ms | p95 ms | p99 ms | statuses |",
    "|---|---|---|---|---|---|---|---|---|",
}.Concat(results.Select(r => r.Row())).Append("").Append(diff));
if (onlyDiff)
{
    table = diff;
}
Console.WriteLine(table);
var outIndex = Array.IndexOf(args, "--out");
if (outIndex >= 0 && outIndex + 1 < args.Length && !onlyDiff)
{
    await File.WriteAllTextAsync(args[outIndex + 1], "# Benchmark results\n\n`dotnet run -c Release --project tests/Benchmarks -- --out tests/Benchmarks/results.md`\n\n" + table + "\n");
}

static async Task<LoadRun.Result[]> MeasureAsync(Stack stack, string store)
{
    var inventory = stack.Inventory();
    // Enough stock that every order is accepted: this measures the reservation path, not refusals.
    var sku = await inventory.NewSkuAsync(("EU-1", Orders / 2), ("US-1", Orders));
    var clients = Enumerable.Range(0, Concurrency).Select(i => stack.StorefrontClient($"bench-{store}-{i}")).ToArray();
    await clients[0].GetAsync($"/storefront/v1/availability/{sku}");

    var reads = await LoadRun.RunAsync("availability read", store, Reads, Concurrency,
        i => clients[i % Concurrency].GetAsync($"/storefront/v1/availability/{sku}"));
    var orderIds = new string[Orders];
    var orders = await LoadRun.RunAsync("order reservation", store, Orders, Concurrency, async i =>
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/storefront/v1/orders")
        {
            Content = JsonContent.Create(new { orderRef = $"bench-{i}", lines = new[] { new { sku, quantity = 1 } } }),
        };
        request.Headers.Add("Idempotency-Key", $"bench-{store}-{i}");
        var response = await clients[i % Concurrency].SendAsync(request);
        orderIds[i] = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString()!;
        return response;
    });
    var reserved = (await inventory.BalancesAsync(sku)).Sum(b => b.Reserved);
    if (reserved != orders.Statuses.GetValueOrDefault(System.Net.HttpStatusCode.Created))
    {
        throw new InvalidOperationException($"{store}: {reserved} units reserved for {orders.Statuses.GetValueOrDefault(System.Net.HttpStatusCode.Created)} accepted orders.");
    }
    var fulfilment = await Fulfilment.MeasureAsync(stack, store, orderIds.Take(Fulfilment.Orders).ToArray(), Concurrency);
    var onHand = (await inventory.BalancesAsync(sku)).Sum(b => b.OnHand);
    if (onHand != Orders / 2 + Orders - Fulfilment.Orders)
    {
        throw new InvalidOperationException($"{store}: on-hand {onHand} after {Fulfilment.Orders} single-unit shipments.");
    }
    var b2b = await B2bQuery.MeasureAsync(stack, store);
    return [reads, orders, .. fulfilment, b2b];
}
