using IntegrationGateway.Contracts.Erp;
using IntegrationGateway.ServiceDefaults.Validation;
using IntegrationGateway.SystemApis.Balances;
using IntegrationGateway.SystemApis.Counts;
using IntegrationGateway.SystemApis.Events;
using IntegrationGateway.SystemApis.Idempotency;
using IntegrationGateway.SystemApis.Items;
using IntegrationGateway.SystemApis.Ledger;
using IntegrationGateway.SystemApis.Locations;
using IntegrationGateway.SystemApis.Movements;
using IntegrationGateway.SystemApis.Rebuild;
using IntegrationGateway.SystemApis.Reservations;
using IntegrationGateway.SystemApis.Seeding;
using IntegrationGateway.SystemApis.StockEvents;
using IntegrationGateway.ServiceDefaults.Feeds;
using IntegrationGateway.ServiceDefaults.Storage;

namespace IntegrationGateway.SystemApis;

public static class ErpApi
{
    public const string DocumentName = "erp-v1";

    public static IHostApplicationBuilder AddErp(this IHostApplicationBuilder builder)
    {
        builder.Services.ConfigureSwaggerGen(options => options.AddSkuItemBounds((typeof(BalanceQuery), "skus")));
        builder.AddStorage(typeof(ErpApi).Assembly);
        builder.Services.AddOptions<ErpSeedOptions>().Bind(builder.Configuration.GetSection(ErpSeedOptions.Section))
            .Validate(o => o.Locations.Count > 0 && o.Locations.All(l => l.Code.Length is > 0 and <= 32 && l.Region.Length is > 0 and <= 16),
                "Erp:Locations must name at least one location, each with a code and a region.")
            .ValidateOnStart();
        builder.Services.AddSingleton<IdempotentCommands>();
        builder.Services.AddSingleton<ItemStore>();
        builder.Services.AddSingleton<BalanceStore>();
        builder.Services.AddSingleton<MovementStore>();
        builder.Services.AddSingleton<ReservationStore>();
        builder.Services.AddSingleton<FulfilmentStore>();
        builder.Services.AddSingleton<ShortReservations>();
        builder.Services.AddSingleton<ReservationTransfers>();
        builder.Services.AddSingleton<CycleCountStore>();
        builder.Services.AddSingleton<LedgerStore>();
        builder.Services.AddSingleton<RebuildStore>();
        builder.Services.AddSingleton<EventStore>();
        builder.Services.AddSingleton<StaleEventStore>();
        builder.Services.AddSingleton<StockEventStore>();
        builder.Services.AddSingleton<FeedSignal>();
        builder.Services.AddHostedService<ErpSeeder>();
        builder.Services.AddHostedService<InboundEtaBackfill>();
        return builder;
    }

    public static WebApplication MapErpApi(this WebApplication app)
    {
        var erp = app.MapGroup("/system/erp/v1").WithGroupName(DocumentName).WithContractValidation();
        erp.MapItems().MapLocations().MapBalances().MapMovements().MapReservations().MapCounts().MapLedger().MapRebuild().MapEvents().MapStockEvents();
        return app;
    }
}
