using IntegrationGateway.TestSupport.Hostile;

namespace IntegrationGateway.Gateway.Tests.Hostile;

/// <summary>The generator itself: it sees every operation, breaks each in every way the issue names, and a seed replays a run.</summary>
public sealed class HostileGeneratorTests
{
    [Fact]
    public void EveryOperationOfEveryPublicAndAdminContractIsInTheSuite()
    {
        var byContract = ContractCatalogue.Operations.GroupBy(o => o.Contract).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(ContractCatalogue.Contracts.Order(), byContract.Keys.Order());
        Assert.All(byContract, c => Assert.True(c.Value > 0, c.Key));
        Assert.Equal(ContractCatalogue.Operations.Count, ContractCatalogue.Operations.Select(o => o.Endpoint).Distinct().Count());
    }

    [Fact]
    public void EveryKeyedWriteIsBrokenInItsKeyItsBodyAndItsEnvelope()
    {
        foreach (var operation in ContractCatalogue.Operations)
        {
            var kinds = HostileGenerator.Mutators(operation).Select(m => m.KindOrName).ToHashSet();
            if (operation.Parameters.Any(p => p.Name == HeaderMutations.IdempotencyKey))
            {
                Assert.Contains("Idempotency-Key given twice", kinds);
                Assert.Contains("Idempotency-Key missing", kinds);
            }
            if (operation.Body is not null)
            {
                Assert.Superset(new HashSet<string> { "duplicate property", "an unknown charset", "not UTF-8", "trailing garbage", "a wrong content type", "unknown property at the root" }, kinds);
                if (operation.Body.Required.Count > 0)
                {
                    Assert.Contains("missing", kinds);
                }
            }
            Assert.Contains("a non-ASCII header value", kinds);
        }
    }

    [Fact]
    public void EveryEnumAndNumberIsSentAsAStringOrAnInteger()
    {
        var kinds = ContractCatalogue.Operations.Where(o => o.Body is not null).SelectMany(HostileGenerator.Mutators).Select(m => m.KindOrName).ToHashSet();

        Assert.Contains("number as string", kinds);
        Assert.Contains("integer for enum", kinds);
        Assert.Contains("unknown enum value", kinds);
        Assert.Contains("lone surrogate", kinds);
    }

    [Fact]
    public void TheSameSeedGivesTheSameRequestsAndAnotherSeedOthers()
    {
        var operation = ContractCatalogue.Find("POST /storefront/v2/orders");

        var first = Describe(operation, seed: 7);
        var again = Describe(operation, seed: 7);
        var other = Describe(operation, seed: 8);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    private static IReadOnlyList<string> Describe(ContractOperation operation, int seed)
    {
        var draft = new RequestDraft { Method = operation.Method, PathTemplate = operation.PathTemplate, BodyNode = operation.BodyExample!.DeepClone(), BodyText = operation.BodyExample!.ToJsonString() };
        draft.Headers.Add(new(HeaderMutations.IdempotencyKey, "k"));
        draft.ContentTypes.Add("application/json");
        return [.. HostileGenerator.Generate(operation, draft, 200, seed, i => $"k{i}").Select(r => r.Variant + "\n" + r.Describe())];
    }
}
