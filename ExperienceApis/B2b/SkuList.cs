using IntegrationGateway.ServiceDefaults.Problems;

namespace IntegrationGateway.ExperienceApis.B2b;

/// <summary>
/// The bounds of each SKU in a quoted list. The generated query type bounds the list but cannot bound its items (data
/// annotations have none), so the endpoint checks them here and <see cref="SkuItemBoundsFilter"/> documents them.
/// </summary>
public static class SkuList
{
    public const int MaxSkuLength = 64;

    public static IResult? Refusal(List<string> skus) =>
        skus.FindIndex(s => string.IsNullOrWhiteSpace(s) || s.Length > MaxSkuLength) is var bad and >= 0
            ? Problem.Validation($"skus[{bad}]", $"A SKU has 1 to {MaxSkuLength} characters.")
            : null;
}
