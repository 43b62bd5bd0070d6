using System.Globalization;

namespace IntegrationGateway.EventBenchmarks;

/// <summary>Command-line settings, each bounded by a default that keeps a run to a few minutes.</summary>
public sealed record Options(
    string[] Stores, bool Publish, bool Reads, bool Propagation, Wrk.Settings Wrk, int WarmUpSeconds, int Rounds,
    PropagationBenchmark.Settings Changes, double QuietBelow, TimeSpan QuietWait, string? Out, bool Counters, bool Nats)
{
    public static Options Parse(string[] args)
    {
        string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        int Number(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var only = Value("--only");
        var stores = (Value("--stores") ?? "sqlite,postgres").Split(',').Select(s => s.Trim().ToLowerInvariant() switch
        {
            "sqlite" => "SQLite",
            "postgres" or "postgresql" => "PostgreSQL",
            var other => throw new ArgumentException($"Unknown store {other}: sqlite or postgres."),
        }).ToArray();
        return new Options(
            stores,
            Publish: !args.Contains("--no-publish"),
            Reads: only is null or "reads",
            Propagation: only is null or "propagation",
            new Wrk.Settings(Number("--threads", 2), Number("--connections", 16), Number("--seconds", 20)),
            Number("--warmup", 30),
            Number("--rounds", 2),
            new PropagationBenchmark.Settings(Number("--changes", 2000), Number("--rate", 200), Number("--skus", 100), TimeSpan.FromMilliseconds(Number("--poll-ms", 10)), Number("--warmup-changes", 20000)),
            double.Parse(Value("--quiet-below") ?? "20", CultureInfo.InvariantCulture),
            TimeSpan.FromMinutes(Number("--quiet-wait-minutes", 20)),
            Value("--out"),
            Counters: args.Contains("--counters"),
            Nats: args.Contains("--nats"));
    }
}
