using System.Net;
using IntegrationGateway.TestSupport.Hosting;
using IntegrationGateway.TestSupport.Http;

namespace IntegrationGateway.SystemApis.Tests;

/// <summary>Cycle counts racing the reservations and releases of the same balance.</summary>
public static partial class ErpScenarios
{
    /// <summary>
    /// On PostgreSQL a count that loses its compare-and-set still holds the balance row; looking again must not then
    /// wait for a commitment that a release under way has locked (that release waits for the balance: a deadlock the
    /// database ends with an error). Every answer is an outcome of the rules, and the ledger still adds up.
    /// </summary>
    public static async Task CountsRacingReservationsAndReleasesOfOneBalanceAllComplete(ServiceHost<SystemApisEntryPoint> host)
    {
        var erp = host.Admin();
        var inventory = new Inventory(erp);
        var sku = await inventory.NewSkuAsync(("EU-1", 40));
        var random = new Random(20_261_204);
        var operations = Enumerable.Range(0, 1_500).Select(_ =>
        {
            var reference = $"race-{sku}-{random.Next(6)}";
            var roll = random.Next(10);
            var quantity = random.Next(1, 5);
            var counted = random.Next(10, 40);
            return roll switch
            {
                < 4 => (Kind: "reserve", Send: (Func<Task<HttpResponseMessage>>)(() => erp.ReserveAsync(reference, sku, "EU-1", quantity))),
                < 7 => ("release", () => erp.ReleaseAsync(reference)),
                _ => ("count", () => erp.CycleCountAsync(sku, "EU-1", counted)),
            };
        }).ToList();

        var outcomes = new System.Collections.Concurrent.ConcurrentBag<(string Kind, HttpStatusCode Status, string Body)>();
        await Parallel.ForEachAsync(operations, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (operation, _) =>
        {
            using var response = await operation.Send();
            outcomes.Add((operation.Kind, response.StatusCode, response.IsSuccessStatusCode ? "" : await response.Content.ReadAsStringAsync()));
        });

        var unexpected = outcomes.Where(o => o.Status is not (HttpStatusCode.OK or HttpStatusCode.Created or HttpStatusCode.Conflict)).Take(3).ToList();
        Assert.True(unexpected.Count == 0, "Unexpected answers: " + string.Join("; ", unexpected.Select(o => $"{o.Kind} {(int)o.Status} {o.Body}")));
        Assert.Contains(outcomes, o => o.Kind == "count" && o.Status == HttpStatusCode.Created);
        Assert.Contains(outcomes, o => o.Kind == "reserve" && o.Status == HttpStatusCode.Created);
        Assert.Empty((await erp.RebuildReportAsync(apply: false)).Differences);
    }
}
