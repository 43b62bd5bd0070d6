using System.Collections.Concurrent;

namespace IntegrationGateway.Gateway.Tests.Soak;

/// <summary>Every answer the soak got, counted by operation and outcome, and every answer it should never have got.</summary>
public sealed class SoakTally
{
    private readonly ConcurrentDictionary<(string Kind, string Outcome), int> _counts = new();
    private readonly ConcurrentQueue<string> _surprises = new();

    public IReadOnlyCollection<string> Surprises => _surprises;

    public void Count(string kind, string outcome) => _counts.AddOrUpdate((kind, outcome), 1, (_, n) => n + 1);

    /// <summary>An answer outside the operation's allowed statuses, or one that contradicts an earlier answer.</summary>
    public void Surprise(string kind, string what)
    {
        Count(kind, "unexpected");
        _surprises.Enqueue($"{kind}: {what}");
    }

    public int Calls => _counts.Values.Sum();

    public int Refusals => _counts.Where(c => c.Key.Outcome.StartsWith("409", StringComparison.Ordinal)).Sum(c => c.Value);

    public IEnumerable<string> Lines() => _counts
        .GroupBy(c => c.Key.Kind)
        .OrderBy(g => g.Key, StringComparer.Ordinal)
        .Select(g => $"{g.Key,-20} {g.Sum(c => c.Value),6}  " +
            string.Join(", ", g.OrderBy(c => c.Key.Outcome, StringComparer.Ordinal).Select(c => $"{c.Key.Outcome}: {c.Value}")));
}
