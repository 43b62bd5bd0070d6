using IntegrationGateway.Contracts.Process;

namespace IntegrationGateway.ProcessApis.Holds;

/// <summary>A cart's hold rows as the contract shows them: a line per SKU with where it is held.</summary>
public static class CartViews
{
    public static CartHolds Of(string cartId, string channel, IReadOnlyList<HoldRow> rows, DateTimeOffset? expiresAt) => new()
    {
        CartId = cartId,
        Channel = channel,
        ExpiresAt = expiresAt,
        Lines = rows.GroupBy(r => r.Sku, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new OrderLineResult
        {
            Sku = g.Key,
            Quantity = g.Sum(r => r.Quantity),
            Allocations = g.GroupBy(r => r.Location, StringComparer.Ordinal).OrderBy(l => l.Key, StringComparer.Ordinal)
                .Select(l => new Allocation { Location = l.Key, Quantity = l.Sum(r => r.Quantity) }).ToList(),
        }).ToList(),
    };
}
