using IntegrationGateway.Contracts.Erp;
using IntegrationGateway.Contracts.Process;
using IntegrationGateway.ProcessApis.Availability;
using IntegrationGateway.ProcessApis.Sourcing;

namespace IntegrationGateway.ProcessApis.Feeds;

/// <summary>What a channel may be told of every SKU the ERP knows, read page by page through the ERP's client.</summary>
public sealed class ChannelCatalogue(IErpClient erp, StockReader stock)
{
    // The ERP's largest item page; balances accept as many SKUs at once.
    private const int PageSize = 500;

    public async Task<IReadOnlyDictionary<string, int>> PublishedAsync(Channel channel, CancellationToken cancellationToken)
    {
        var published = new Dictionary<string, int>(StringComparer.Ordinal);
        string? after = null;
        do
        {
            var page = ErpAnswers.Content(await erp.ListItemsAsync(after, PageSize, cancellationToken));
            var skus = page.Items.Select(i => i.Sku).ToList();
            if (skus.Count > 0)
            {
                var snapshot = await stock.ReadAsync(skus, channel, cancellationToken);
                foreach (var item in AvailabilityEndpoints.ChannelAvailabilityOf(channel, skus, snapshot).Items)
                {
                    published[item.Sku] = item.Available;
                }
            }
            after = page.NextCursor;
        }
        while (after is not null);
        return published;
    }
}
