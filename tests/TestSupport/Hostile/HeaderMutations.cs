namespace IntegrationGateway.TestSupport.Hostile;

/// <summary>Invalid variants of the headers: the Idempotency-Key above all, and headers nobody expects.</summary>
public static class HeaderMutations
{
    public const string IdempotencyKey = "Idempotency-Key";

    public static IEnumerable<Mutator> For(ContractOperation operation)
    {
        if (operation.Parameters.FirstOrDefault(p => p.In == "header" && p.Name == IdempotencyKey) is { } key)
        {
            var max = key.Schema.MaxLength ?? 100;
            yield return Header("Idempotency-Key missing", Expect.Refused, (_, d) => d.SetHeader(IdempotencyKey, null), core: true);
            yield return Header("Idempotency-Key empty", Expect.Refused, (_, d) => d.SetHeader(IdempotencyKey, ""));
            yield return Header($"Idempotency-Key one past maxLength {max}", Expect.Refused, (r, d) => d.SetHeader(IdempotencyKey, r.LongAscii(max + 1)), core: true);
            yield return Header("Idempotency-Key given twice", Expect.Refused, (r, d) =>
            {
                var first = d.Headers.First(h => h.Key == IdempotencyKey).Value;
                d.Headers.Add(new(IdempotencyKey, first + "-second"));
            }, core: true);
            yield return Header("Idempotency-Key given twice with the same value", Expect.Refused, (r, d) =>
                d.Headers.Add(new(IdempotencyKey, d.Headers.First(h => h.Key == IdempotencyKey).Value)));
            yield return Header("Idempotency-Key non-ASCII", Expect.NoFault, (r, d) => d.SetHeader(IdempotencyKey, "ключ-" + r.Next()));
            yield return Header("Idempotency-Key whitespace only", Expect.Refused, (_, d) => d.SetHeader(IdempotencyKey, "   "));
        }
        yield return Header("a non-ASCII header value", Expect.NoFault, (r, d) => d.Headers.Add(new(r.Pick(["X-Note", "X-Correlation-Id", "User-Agent"]), r.Pick(["ключ", "注文", "é", "\u202Eevil"]))), core: true);
        yield return Header("an odd traceparent or correlation id", Expect.NoFault, (r, d) =>
            d.Headers.Add(new(r.Pick(["traceparent", "X-Correlation-Id"]), r.Pick(["garbage", "00-zz-yy-01", new string('a', 4_000), "' OR 1=1", ""]))));
        yield return Header("an Accept the API cannot serve", Expect.NoFault, (r, d) => d.SetHeader("Accept", r.Pick(["application/xml", "text/html", "image/png"])));
        yield return Header("a large header", Expect.NoFault, (r, d) => d.Headers.Add(new("X-Filler", r.LongAscii(r.Pick([8_000, 16_000])))));
    }

    private static Mutator Header(string variant, Expect expect, Action<Random, RequestDraft> change, bool core = false) =>
        new(variant, expect, (random, draft) =>
        {
            change(random, draft);
            return variant;
        }, Core: core);
}
