using System.Reflection;
using System.Text.Json;
using IntegrationGateway.TestSupport.Hosting;

namespace IntegrationGateway.EventBenchmarks;

/// <summary>
/// Storefront availability reads through the gateway against the reference, alternating runs of the same length so
/// both see the same machine; each run also records the CPU time every process of its path used.
/// </summary>
public static class ReadBenchmark
{
    public const int Clients = 200;

    public sealed record Run(string Target, int Round, Wrk.Result Wrk, IReadOnlyList<(string Process, TimeSpan Cpu)> Cpu);

    public static async Task<IReadOnlyList<Run>> MeasureAsync(LocalStack stack, string sku, string workFolder, string logFolder, Wrk.Settings settings, int warmUpSeconds, int rounds, bool counters)
    {
        var path = $"/storefront/v2/availability/{sku}";
        var tokens = Enumerable.Range(0, Clients)
            .Select(i => TestTokens.For($"bench-reader-{i}", "storefront", TestTokens.StorefrontScopes, TimeSpan.FromHours(2))).ToList();
        var script = Wrk.WriteScript(workFolder, tokens);

        using var client = new HttpClient { BaseAddress = stack.Gateway.Address };
        client.DefaultRequestHeaders.Authorization = new("Bearer", tokens[0]);
        var answer = await Reference.CaptureAsync(client, path);
        var answerFile = Path.Combine(workFolder, "answer.json");
        await File.WriteAllBytesAsync(answerFile, JsonSerializer.SerializeToUtf8Bytes(answer));
        Console.WriteLine($"reference answer: {answer.Body.Length} bytes, headers {string.Join(", ", answer.Headers.Keys)}");

        await using var endpoint = StartReference(Reference.EndpointMode, workFolder, logFolder, $"--Answer={answerFile}");
        await endpoint.WaitHealthyAsync();
        await using var proxy = StartReference(Reference.ProxyMode, workFolder, logFolder, $"--Target={endpoint.Address}");
        await proxy.WaitHealthyAsync();
        await CheckSameBytesAsync(proxy.Address, path, tokens[0], answer);

        var product = new Target("gateway", new Uri(stack.Gateway.Address, path), [stack.Gateway, stack.Experience, stack.Process, stack.Erp]);
        var reference = new Target("reference", new Uri(proxy.Address, path), [proxy, endpoint]);
        var warm = settings with { Seconds = warmUpSeconds };
        foreach (var target in new[] { product, reference })
        {
            await Wrk.RunAsync(target.Url, script, warm);
        }
        var runs = new List<Run>();
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var target in new[] { product, reference })
            {
                var before = target.Processes.Select(p => p.CpuTime()).ToArray();
                var result = await Wrk.RunAsync(target.Url, script, settings);
                var cpu = target.Processes.Select((p, i) => (p.Name, p.CpuTime() - before[i])).ToList();
                runs.Add(new Run(target.Name, round, result, cpu));
                Console.WriteLine($"{target.Name} round {round}: {result.RequestsPerSecond:0} req/s p50 {result.P50:0.00} ms p99 {result.P99:0.00} ms non-2xx {result.NotOk} {result.Errors} " +
                    string.Join(", ", cpu.Select(c => $"{c.Item1} {c.Item2.TotalSeconds:0.0} s CPU")));
            }
        }
        if (counters)
        {
            await CountersAsync(product, script, settings, logFolder);
        }
        return runs;
    }

    /// <summary>One more gateway run, not in the table, with dotnet-counters on the gateway and the experience API.</summary>
    private static async Task CountersAsync(Target product, string script, Wrk.Settings settings, string logFolder)
    {
        var tool = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools", "dotnet-counters");
        var collectors = product.Processes.Take(2).Select(p => System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(tool)
        {
            ArgumentList = { "collect", "-p", p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--format", "csv", "-o", Path.Combine(logFolder, $"counters-{p.Name}.csv"),
                "--refresh-interval", "1", "--duration", TimeSpan.FromSeconds(settings.Seconds + 2).ToString(@"hh\:mm\:ss"),
                "--counters", "System.Runtime,Microsoft.AspNetCore.Hosting,Microsoft.AspNetCore.Server.Kestrel,System.Net.Http" },
            RedirectStandardOutput = true,
        })!).ToList();
        await Task.Delay(TimeSpan.FromSeconds(1));
        var result = await Wrk.RunAsync(product.Url, script, settings);
        Console.WriteLine($"gateway under dotnet-counters: {result.RequestsPerSecond:0} req/s p99 {result.P99:0.00} ms; counters in {logFolder}");
        foreach (var collector in collectors)
        {
            await collector.WaitForExitAsync();
        }
    }

    private sealed record Target(string Name, Uri Url, IReadOnlyList<ServiceProcess> Processes);

    private static async Task CheckSameBytesAsync(Uri proxy, string path, string token, Reference.Answer expected)
    {
        using var client = new HttpClient { BaseAddress = proxy };
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var body = await client.GetByteArrayAsync(path);
        if (!body.AsSpan().SequenceEqual(expected.Body))
        {
            throw new InvalidOperationException("The reference does not answer the storefront's bytes.");
        }
        using var anonymous = new HttpClient { BaseAddress = proxy };
        if ((int)(await anonymous.GetAsync(path)).StatusCode != 401)
        {
            throw new InvalidOperationException("The reference proxy admits a request without a token.");
        }
    }

    private static ServiceProcess StartReference(string mode, string workFolder, string logFolder, string setting)
    {
        var self = Environment.ProcessPath!;
        string[] arguments = Path.GetFileNameWithoutExtension(self) == "dotnet"
            ? [Assembly.GetEntryAssembly()!.Location, mode, setting]
            : [mode, setting];
        var environment = new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Development", ["DOTNET_ENVIRONMENT"] = "Development" };
        if (mode == Reference.ProxyMode)
        {
            // The runtime setting the gateway ships with (Gateway.csproj): the two proxies are compared on the same footing.
            environment["DOTNET_ThreadPool_UnfairSemaphoreSpinLimit"] = "0";
        }
        return ServiceProcess.Start(mode, self, arguments, workFolder, environment, logFolder);
    }

    public static IEnumerable<string> Rows(string store, IReadOnlyList<Run> runs)
    {
        var gateway = runs.Where(r => r.Target == "gateway").ToList();
        var reference = runs.Where(r => r.Target == "reference").ToList();
        foreach (var run in runs)
        {
            var peer = run.Target == "gateway" ? reference.FirstOrDefault(r => r.Round == run.Round) : null;
            var ratio = peer is null ? "" : $"{run.Wrk.RequestsPerSecond / peer.Wrk.RequestsPerSecond * 100:0}%";
            var cpuPerThousand = string.Join(", ", run.Cpu.Select(c => $"{c.Process} {c.Cpu.TotalMilliseconds / run.Wrk.Requests * 1000:0}"));
            yield return $"| {run.Target} | {store} | {run.Round} | {run.Wrk.RequestsPerSecond:0} | {ratio} | {run.Wrk.P50:0.00} | {run.Wrk.P90:0.00} | {run.Wrk.P99:0.00} | {run.Wrk.NotOk} | {cpuPerThousand} |";
        }
        var g = gateway.Average(r => r.Wrk.RequestsPerSecond);
        var f = reference.Average(r => r.Wrk.RequestsPerSecond);
        yield return $"| **gateway, mean of rounds** | {store} | {gateway.Count} | {g:0} | **{g / f * 100:0}%** | {gateway.Average(r => r.Wrk.P50):0.00} | {gateway.Average(r => r.Wrk.P90):0.00} | {gateway.Max(r => r.Wrk.P99):0.00} (worst) | {gateway.Sum(r => r.Wrk.NotOk)} | |";
        yield return $"| **reference, mean of rounds** | {store} | {reference.Count} | {f:0} | 100% | {reference.Average(r => r.Wrk.P50):0.00} | {reference.Average(r => r.Wrk.P90):0.00} | {reference.Max(r => r.Wrk.P99):0.00} (worst) | {reference.Sum(r => r.Wrk.NotOk)} | |";
    }
}
