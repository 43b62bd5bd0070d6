namespace IntegrationGateway.TestSupport.Hostile;

/// <summary>
/// Seeded hostile requests for one operation: every core mutator first, then the rest in a seeded shuffle, then
/// seeded repeats (each draws its own values), until the count asked for. The same seed gives the same requests.
/// </summary>
public static class HostileGenerator
{
    public static IReadOnlyList<Mutator> Mutators(ContractOperation operation)
    {
        var mutators = new List<Mutator>();
        mutators.AddRange(ParameterMutations.For(operation));
        mutators.AddRange(HeaderMutations.For(operation));
        if (operation.Body is { } body && operation.BodyExample is { } example)
        {
            mutators.AddRange(BodyMutations.For(body, example));
            mutators.AddRange(EnvelopeMutations.For(body.Required.Count > 0));
        }
        return mutators;
    }

    /// <param name="valid">A valid request for the operation; each mutation starts from a copy.</param>
    /// <param name="freshKey">A new Idempotency-Key for the i-th request, so no request replays another.</param>
    public static IReadOnlyList<HostileRequest> Generate(ContractOperation operation, RequestDraft valid, int count, int seed, Func<int, string> freshKey)
    {
        var random = new Random(seed);
        var mutators = Mutators(operation);
        var core = mutators.Where(m => m.Core).DistinctBy(m => m.KindOrName).ToList();
        var order = new List<Mutator>(core);
        order.AddRange(mutators.Except(core).OrderBy(_ => random.Next()));
        var requests = new List<HostileRequest>(count);
        for (var i = 0; i < count; i++)
        {
            var mutator = i < order.Count ? order[i] : mutators[random.Next(mutators.Count)];
            var draft = valid.Clone();
            if (draft.Headers.Any(h => h.Key == HeaderMutations.IdempotencyKey))
            {
                draft.SetHeader(HeaderMutations.IdempotencyKey, freshKey(i));
            }
            var detail = mutator.Apply(random, draft);
            requests.Add(draft.Finish(operation.Endpoint, $"#{i} {detail}", mutator.Expect, mutator.Field));
        }
        return requests;
    }
}
