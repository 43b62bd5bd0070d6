using System.Net;
using System.Text.Json;
using IntegrationGateway.ExperienceApis;
using IntegrationGateway.ExperienceApis.ReadModels;
using IntegrationGateway.Gateway.Tests.Soak;
using IntegrationGateway.ProcessApis;
using IntegrationGateway.ProcessApis.Channels;
using IntegrationGateway.ServiceDefaults.Storage;
using IntegrationGateway.TestSupport.Hosting;
using IntegrationGateway.TestSupport.Http;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationGateway.Gateway.Tests.Events;

/// <summary>
/// Invariant 6 once the stack is quiet: every channel's read model in every experience instance holds what the process
/// API published, and what it published is the ERP-derived channel availability. Each disagreement is a line.
/// </summary>
public static class ReadModelConvergence
{
    /// <summary>
    /// For every channel and SKU: each experience instance's figure equals the published one (available, sequence,
    /// locations); the published locations are the ERP's available-to-sell of the locations serving the channel
    /// (<c>GET /process/v1/availability</c>, holds judged now); the published total is their sum less the units owed to
    /// waiting backorders, under the channel's rule for <paramref name="skuClass"/>.
    /// </summary>
    public static async Task<IReadOnlyList<string>> DisagreementsAsync(ServiceHost<ProcessApisEntryPoint> process,
        IReadOnlyList<ServiceHost<ExperienceApisEntryPoint>> experiences, IReadOnlyList<string> skus, string skuClass = "standard")
    {
        var disagreements = new List<string>();
        using var admin = process.Client(TestTokens.Admin("convergence-check"));
        var owed = await new ProcessStoreReader(process.Services.GetRequiredService<Database>()).OwedAsync();
        foreach (var channel in await process.Services.GetRequiredService<ChannelStore>().ListAsync(CancellationToken.None))
        {
            var published = await PublishedAsync(admin, channel.Id);
            var query = string.Join("&", skus.Select(s => "sku=" + Uri.EscapeDataString(s)));
            var truth = (await (await admin.GetAsync($"/process/v1/availability?channel={channel.Id}&{query}")).JsonAsync(HttpStatusCode.OK))
                .GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("sku").GetString()!);
            var rule = ChannelRules.For(channel.Rules, skuClass);
            foreach (var sku in skus)
            {
                var where = $"{channel.Id} x {sku}";
                if (!published.TryGetValue(sku, out var figure))
                {
                    disagreements.Add($"{where}: nothing was published");
                    continue;
                }
                var locations = Locations(truth[sku].GetProperty("locations"));
                var expected = ChannelRules.Published(locations.Sum(l => l.Available) - (int)owed.GetValueOrDefault(sku), rule);
                if (figure.Available != expected || Describe(figure.Locations) != Describe(locations))
                {
                    disagreements.Add($"{where}: published {figure.Available} [{Describe(figure.Locations)}] seq {figure.Sequence}, the ERP gives {expected} [{Describe(locations)}] with {owed.GetValueOrDefault(sku)} owed");
                }
                for (var n = 0; n < experiences.Count; n++)
                {
                    var held = experiences[n].Services.GetRequiredService<AvailabilityReadModel>().Built(channel.Id)?.Find(sku);
                    if (held is null || held.Available != figure.Available || held.Sequence != figure.Sequence || Describe(Locations(held.Locations)) != Describe(figure.Locations))
                    {
                        disagreements.Add($"{where}: experience {n} holds {(held is null ? "nothing" : $"{held.Available} [{Describe(Locations(held.Locations))}] seq {held.Sequence}")}, published {figure.Available} [{Describe(figure.Locations)}] seq {figure.Sequence}");
                    }
                }
            }
        }
        return disagreements;
    }

    private sealed record PublishedFigure(int Available, long Sequence, IReadOnlyList<(string Location, int Available)> Locations);

    /// <summary>What the channel was last told of each SKU, as a read model is built from it.</summary>
    private static async Task<Dictionary<string, PublishedFigure>> PublishedAsync(HttpClient admin, string channel)
    {
        var figures = new Dictionary<string, PublishedFigure>(StringComparer.Ordinal);
        string? after = null;
        do
        {
            var page = await (await admin.GetAsync($"/process/v1/channels/{channel}/availability?limit=1000" + (after is null ? "" : "&after=" + Uri.EscapeDataString(after)))).JsonAsync(HttpStatusCode.OK);
            foreach (var item in page.GetProperty("items").EnumerateArray())
            {
                figures[item.GetProperty("sku").GetString()!] = new PublishedFigure(item.GetProperty("available").GetInt32(), item.GetProperty("sequence").GetInt64(), Locations(item.GetProperty("locations")));
            }
            after = page.TryGetProperty("nextCursor", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
        }
        while (after is not null);
        return figures;
    }

    private static List<(string Location, int Available)> Locations(JsonElement locations) =>
        locations.EnumerateArray().Select(l => (l.GetProperty("location").GetString()!, l.GetProperty("available").GetInt32())).ToList();

    private static List<(string Location, int Available)> Locations(IEnumerable<IntegrationGateway.Contracts.Process.LocationAvailability> locations) =>
        locations.Select(l => (l.Location, l.Available)).ToList();

    private static string Describe(IEnumerable<(string Location, int Available)> locations) =>
        string.Join(", ", locations.OrderBy(l => l.Location, StringComparer.Ordinal).Select(l => $"{l.Location}={l.Available}"));
}
