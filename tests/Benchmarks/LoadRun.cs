using System.Diagnostics;
using System.Net;

namespace IntegrationGateway.Benchmarks;

/// <summary>Sends a bounded number of requests with a fixed number in flight and measures each one.</summary>
public static class LoadRun
{
    public sealed record Result(string Scenario, string Store, int Requests, int Concurrency, TimeSpan Elapsed, double[] LatenciesMs, IReadOnlyDictionary<HttpStatusCode, int> Statuses)
    {
        public double PerSecond => Requests / Elapsed.TotalSeconds;

        public double Percentile(double p)
        {
            var sorted = LatenciesMs.Order().ToArray();
            return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
        }

        public string Row() =>
            $"| {Scenario} | {Store} | {Requests} | {Concurrency} | {PerSecond:0} | {Percentile(50):0.0} | {Percentile(95):0.0} | {Percentile(99):0.0} | " +
            string.Join(", ", Statuses.OrderBy(s => s.Key).Select(s => $"{(int)s.Key}: {s.Value}")) + " |";
    }

    public static async Task<Result> RunAsync(string scenario, string store, int requests, int concurrency, Func<int, Task<HttpResponseMessage>> send)
    {
        var latencies = new double[requests];
        var statuses = new HttpStatusCode[requests];
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < requests)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await send(i);
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                statuses[i] = response.StatusCode;
            }
        }));
        clock.Stop();
        return new Result(scenario, store, requests, concurrency, clock.Elapsed, latencies,
            statuses.GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count()));
    }
}
