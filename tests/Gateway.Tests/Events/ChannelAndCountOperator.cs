using System.Net.Http.Json;
using IntegrationGateway.Contracts.Erp;
using IntegrationGateway.Gateway.Tests.Soak;

namespace IntegrationGateway.Gateway.Tests.Events;

/// <summary>
/// Operations staff beside the soak's connectors: they change channels' rules (and, for the channels that take no
/// orders, which locations serve them), and post cycle counts that find a little more or less than the ERP holds, so a
/// count may take back commitments that are then re-sourced or backordered.
/// </summary>
public sealed class ChannelAndCountOperator(int number, HttpClient process, HttpClient erp, IReadOnlyList<string> skus, IReadOnlyList<(string Id, string Type, bool TakesOrders)> channels,
    SoakBudget budget, SoakTally tally)
{
    private static readonly string[][] LocationChoices = [[], ["EU-1"], ["US-1"], ["US-1", "EU-1"]];

    private readonly Random _random = new(SoakLimits.BaseSeed + 201 + number);

    public async Task RunAsync()
    {
        while (budget.TryTake())
        {
            try
            {
                await (_random.Next(2) == 0 ? ChangeRulesAsync() : CountAsync());
            }
            catch (Exception failure)
            {
                tally.Surprise("operator", $"{failure.GetType().Name}: {failure.Message}");
            }
        }
    }

    private async Task ChangeRulesAsync()
    {
        var (id, type, takesOrders) = channels[_random.Next(channels.Count)];
        var rule = new { skuClass = "*", stockPercent = new[] { 50, 80, 100 }[_random.Next(3)], buffer = _random.Next(3), maxPublished = _random.Next(2) == 0 ? (int?)null : _random.Next(4, 20), endWhen = _random.Next(3) };
        // A channel that takes orders keeps every location: which backorders its figures owe depends on it.
        var locations = takesOrders ? [] : LocationChoices[_random.Next(LocationChoices.Length)].Select((location, i) => new { location, priority = i + 1 }).ToArray();
        using var answer = await process.PutAsJsonAsync($"/process/v1/channels/{id}", new { type, rules = new[] { rule }, locations });
        Note("channel rules", await SoakAnswer.ReadAsync(answer), 200, 201);
    }

    private async Task CountAsync()
    {
        var sku = skus[_random.Next(skus.Count)];
        var location = SoakLimits.Locations[_random.Next(SoakLimits.Locations.Length)];
        var balances = (await erp.GetFromJsonAsync<List<Balance>>($"/system/erp/v1/balances?sku={Uri.EscapeDataString(sku)}"))!;
        var onHand = balances.Single(b => b.Location == location).OnHand;
        var counted = Math.Max(0, onHand + _random.Next(-3, 3));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/process/v1/stock-counts")
        {
            Content = JsonContent.Create(new { sku, location, countedOnHand = counted, referenceDocument = "CC-" + Guid.NewGuid().ToString("N")[..6] }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        Note("cycle count", await SoakAnswer.ReadAsync(await process.SendAsync(request)), 201);
    }

    private void Note(string kind, SoakAnswer answer, params int[] expected)
    {
        if (expected.Contains(answer.Status))
        {
            tally.Count(kind, answer.Outcome);
        }
        else
        {
            tally.Surprise(kind, answer.ToString());
        }
    }
}
