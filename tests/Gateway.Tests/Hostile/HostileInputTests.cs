using System.Collections.Concurrent;
using IntegrationGateway.TestSupport.Hostile;
using IntegrationGateway.TestSupport.Hosting;
using Xunit.Abstractions;

namespace IntegrationGateway.Gateway.Tests.Hostile;

/// <summary>
/// Seeded hostile requests generated from the contracts, through the gateway, at every operation of every public
/// and admin API: each answer is a 4xx problem (never a 5xx, never a leak), and a refused request changes nothing.
/// </summary>
public sealed class HostileInputTests(SqliteStackFixture fixture, ITestOutputHelper output) : IClassFixture<SqliteStackFixture>
{
    private readonly Stack _stack = fixture.Stack;

    public static TheoryData<string> Endpoints => [.. ContractCatalogue.Operations.Select(o => o.Endpoint)];

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task EveryHostileRequestIsRefusedWithProblemDetailsAndChangesNothing(string endpoint)
    {
        var operation = ContractCatalogue.Find(endpoint);
        var seed = HostileRun.SeedFor(endpoint);
        var tag = $"{(uint)seed:x8}";
        var world = await HostileWorld.CreateAsync(_stack, tag);
        var requests = HostileGenerator.Generate(operation, world.ValidRequest(operation), HostileRun.RequestsPerEndpoint, seed, i => $"hx-{tag}-{i}");
        // One client per endpoint, so one endpoint's run never spends another's rate limit.
        using var sender = new HostileSender(_stack.Gateway.Address, HostileWorld.TokenFor(operation.Contract, "hostile-" + tag));

        var before = await world.SnapshotAsync();
        var refused = await SendAllAsync(sender, requests.Where(r => r.Expect == Expect.Refused));
        var after = await world.SnapshotAsync();
        var tolerated = await SendAllAsync(sender, requests.Where(r => r.Expect == Expect.NoFault));

        var results = refused.Concat(tolerated).ToList();
        var failures = results.Where(r => r.Failure is not null).ToList();
        var changed = before != after;
        output.WriteLine($"{endpoint}: {results.Count} hostile requests ({refused.Count} must be refused, {tolerated.Count} odd but maybe valid), " +
            $"{failures.Count} wrong answers, state {(changed ? "CHANGED" : "unchanged")}; seed {seed} (HOSTILE_SEED={HostileRun.Seed})");
        var mutators = HostileGenerator.Mutators(operation);
        output.WriteLine($"  {mutators.Count} ways of breaking it ({mutators.Where(m => m.Core).Select(m => m.KindOrName).Distinct().Count()} always run), " +
            $"{results.Select(r => r.Request.Variant.Split(' ', 2)[1]).Distinct().Count()} distinct variants sent");
        output.WriteLine("  answers: " + string.Join(", ", results.GroupBy(r => r.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}x{g.Count()}")));
        HostileReport.Record(endpoint, seed, failures, changed ? Diff(before, after) : null);

        Assert.True(failures.Count == 0 && !changed, Explain(endpoint, seed, failures, changed ? Diff(before, after) : null));
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

    private static string Explain(string endpoint, int seed, IReadOnlyList<HostileResult> failures, string? diff)
    {
        var text = new System.Text.StringBuilder($"{endpoint}: {failures.Count} wrong answers. Reproduce with HOSTILE_SEED={HostileRun.Seed} " +
            $"HOSTILE_REQUESTS_PER_ENDPOINT={HostileRun.RequestsPerEndpoint} (endpoint seed {seed}).\n");
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
