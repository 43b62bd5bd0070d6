using Dapper;
using IntegrationGateway.Contracts.Erp;
using IntegrationGateway.ServiceDefaults.Storage;
using IntegrationGateway.SystemApis.Items;
using IntegrationGateway.SystemApis.Ledger;
using IntegrationGateway.SystemApis.Movements;
using Microsoft.Extensions.Options;

namespace IntegrationGateway.SystemApis.Seeding;

/// <summary>
/// Upserts the configured locations and, into an empty catalogue only, the demo items and their stock. Demo
/// stock arrives as receipt movements, so the ledger explains every unit like any other.
/// </summary>
public sealed class ErpSeeder(Database database, IOptions<ErpSeedOptions> options, ItemStore items, MovementStore movements, ILogger<ErpSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await UpsertLocationsAsync(cancellationToken);
        if (options.Value.SeedDemoCatalogue && await CatalogueIsEmptyAsync(cancellationToken))
        {
            await SeedDemoCatalogueAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task UpsertLocationsAsync(CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO locations (code, region, priority) VALUES (@Code, @Region, @Priority)
            ON CONFLICT (code) DO UPDATE SET region = excluded.region, priority = excluded.priority
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        foreach (var location in options.Value.Locations)
        {
            await connection.ExecuteAsync(new CommandDefinition(sql, location, cancellationToken: cancellationToken));
        }
    }

    private async Task<bool> CatalogueIsEmptyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM items", cancellationToken: cancellationToken)) == 0;
    }

    private async Task SeedDemoCatalogueAsync(CancellationToken cancellationToken)
    {
        string[] products = ["Espresso grinder", "Pour-over kettle", "Milk jug", "Tamper", "Scale", "Filter papers", "Cold brew jar", "Burr set", "Knock box", "Portafilter"];
        var provenance = new Provenance(null, "demo-seed");
        for (var n = 1; n <= 50; n++)
        {
            var sku = $"SKU-{n:0000}";
            // Every tenth SKU is scarce: 1 to 3 units in one location only.
            var scarce = n % 10 == 0;
            await items.UpsertAsync(sku, new ItemUpsert { Description = $"{products[n % products.Length]} #{n}", Scarce = scarce }, cancellationToken);
            foreach (var location in options.Value.Locations)
            {
                var quantity = scarce
                    ? (location.Priority == options.Value.Locations.Min(l => l.Priority) ? 1 + n % 3 : 0)
                    : 5 + (n * 7 + location.Priority * 13) % 60;
                if (quantity > 0)
                {
                    await ReceiveAsync(sku, location.Code, quantity, provenance, cancellationToken);
                }
            }
        }
        logger.LogInformation("Seeded the demo catalogue: 50 items at {Count} locations", options.Value.Locations.Count);
    }

    private async Task ReceiveAsync(string sku, string location, int quantity, Provenance provenance, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        var request = new MovementRequest { Sku = sku, Location = location, Type = MovementType.Receipt, Quantity = quantity, Reason = "demo opening stock" };
        await movements.PostAsync(connection, transaction, request, provenance, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
