using System.Collections.Concurrent;
using IntegrationGateway.TestSupport.Hostile;
using IntegrationGateway.TestSupport.Hosting;
using Xunit.Abstractions;

namespace IntegrationGateway.Gateway.Tests.Hostile;

/// <summary>
/// One endpoint's hostile run on a stack: a world of its own, the seeded requests, the must-refuse ones between two
/// snapshots of everything they must not touch, then the odd-but-maybe-valid ones; counts and failures to the output.
/// </summary>
public static class HostileEndpointRun
{
    public static async Task RunAsync(Stack stack, string endpoint, int count, ITestOutputHelper output)
    {
        var operation = ContractCatalogue.Find(endpoint);
        var seed = HostileRun.SeedFor(endpoint);
        var tag = $"{(uint)seed:x8}";
        var world = await HostileWorld.CreateAsync(stack, tag);
        var requests = HostileGenerator.Generate(operation, world.ValidRequest(operation), count, seed, i => $"hx-{tag}-{i}");
        // One client per endpoint, so one endpoint's run never spends another's rate limit.
        using var sender = new HostileSender(stack.Gateway.Address, HostileWorld.TokenFor(operation.Contract, "hostile-" + tag));

        var before = await world.SnapshotAsync();
        var refused = await SendAllAsync(sender, requests.Where(r => r.Expect == Expect.Refused));
        var after = await world.SnapshotAsync();
        var tolerated = await SendAllAsync(sender, requests.Where(r => r.Expect == Expect.NoFault));

        var results = refused.Concat(tolerated).ToList();
        var failures = results.Where(r => r.Failure is not null).ToList();
        var diff = before == after ? null : Diff(before, after);
        var mutators = HostileGenerator.Mutators(operation);
        output.WriteLine($"{endpoint}: {results.Count} hostile requests ({refused.Count} must be refused, {tolerated.Count} odd but maybe valid), " +
            $"{failures.Count} wrong answers, state {(diff is null ? "unchanged" : "CHANGED")}; seed {seed} (HOSTILE_SEED={HostileRun.Seed})");
        output.WriteLine($"  {mutators.Count} ways of breaking it ({mutators.Where(m => m.Core).Select(m => m.KindOrName).Distinct().Count()} always run), " +
            $"{results.Select(r => r.Request.Variant.Split(' ', 2)[1]).Distinct().Count()} distinct variants sent");
        output.WriteLine("  answers: " + string.Join(", ", results.GroupBy(r => r.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}x{g.Count()}")));
        HostileReport.Record(endpoint, seed, failures, diff);

        Assert.True(failures.Count == 0 && diff is null, Explain(endpoint, seed, count, failures, diff));
    }

    private static async Task<IReadOnlyList<HostileResult>> SendAllAsync(HostileSender sender, IEnumerable<HostileRequest> requests)
    {
        var results = new ConcurrentBag<HostileResult>();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = HostileRun.Parallelism }, async (request, cancellationToken) =>
        {
            try
            {
                var answer = await sender.SendAsync(request, cancellationToken);
                results.Add(new HostileResult(request, answer.Status, answer.MediaType, answer.Body, AnswerCheck.Problem(request, answer.Status, answer.MediaType, answer.Body)));
            }
            catch (HttpRequestException e)
            {
                results.Add(new HostileResult(request, 0, null, "", $"no answer: the connection failed ({e.HttpRequestError})"));
            }
        });
        return [.. results.OrderBy(r => r.Request.Variant, StringComparer.Ordinal)];
    }

    private static string Explain(string endpoint, int seed, int count, IReadOnlyList<HostileResult> failures, string? diff)
    {
        var text = new System.Text.StringBuilder($"{endpoint}: {failures.Count} wrong answers. Reproduce with HOSTILE_SEED={HostileRun.Seed} " +
            $"HOSTILE_REQUESTS_PER_ENDPOINT={count} (endpoint seed {seed}).\n");
        if (diff is not null)
        {
            text.Append($"Refused requests changed state:\n{diff}\n");
        }
        foreach (var group in failures.GroupBy(f => f.Kind).Take(12))
        {
            var first = group.First();
            text.Append($"\n- {group.Count()}x {first.Failure}\n  {first.Request.Variant}\n  {first.Request.Describe().Replace("\n", "\n  ")}  -> {first.Status} {first.MediaType} {HostileRequest.Printable(first.Body, 400)}\n");
        }
        return text.ToString();
    }

    private static string Diff(string before, string after)
    {
        var old = before.Split('\n').ToHashSet();
        return string.Join("\n", after.Split('\n').Where(line => !old.Contains(line)).Take(10).Select(l => "+ " + HostileRequest.Printable(l, 400)));
    }
}
