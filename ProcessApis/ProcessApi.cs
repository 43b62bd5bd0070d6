using IntegrationGateway.Contracts.Process;
using IntegrationGateway.ProcessApis.OrderBook;
using IntegrationGateway.ServiceDefaults.Validation;
using IntegrationGateway.Contracts.Erp;
using IntegrationGateway.Contracts.Wms;
using IntegrationGateway.ProcessApis.Backorders;
using IntegrationGateway.ProcessApis.Fulfilment;
using IntegrationGateway.ProcessApis.Availability;
using IntegrationGateway.ProcessApis.Channels;
using IntegrationGateway.ProcessApis.Feeds;
using IntegrationGateway.ProcessApis.Holds;
using IntegrationGateway.ProcessApis.Idempotency;
using IntegrationGateway.ProcessApis.Orders;
using IntegrationGateway.ProcessApis.Sourcing;
using IntegrationGateway.ProcessApis.Steps;
using IntegrationGateway.ServiceDefaults.Downstream;
using IntegrationGateway.ServiceDefaults.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IntegrationGateway.ProcessApis;

public static class ProcessApi
{
    public const string DocumentName = "inventory-v1";

    public static IHostApplicationBuilder AddInventoryProcess(this IHostApplicationBuilder builder)
    {
        builder.Services.ConfigureSwaggerGen(options => options.AddSkuItemBounds((typeof(AvailabilityQuery), "skus")));
        builder.AddStorage(typeof(ProcessApi).Assembly);
        // The ERP is the nearest layer to its own failures, so this layer retries its transient answers.
        builder.AddDownstreamClient<IErpClient>("Erp", DownstreamRetry.TransientFailures);
        builder.AddDownstreamClient<IWmsClient>("Wms", DownstreamRetry.TransientFailures);
        builder.Services.AddSingleton<IdempotencyStore>();
        builder.Services.TryAddSingleton<IStepHook, NoStepHook>();
        builder.Services.AddSingleton<ChannelStore>();
        builder.Services.AddHostedService<ChannelSeeder>();
        builder.Services.AddSingleton<FeedStore>();
        builder.Services.AddScoped<ChannelCatalogue>();
        builder.Services.AddSingleton<OrderStore>();
        builder.Services.AddSingleton<OrderLeases>();
        builder.Services.AddSingleton<LocationDirectory>();
        builder.Services.AddScoped<StockReader>();
        builder.Services.AddScoped<OrderReservation>();
        builder.Services.AddOptions<OrderRecoveryOptions>().Bind(builder.Configuration.GetSection(OrderRecoveryOptions.Section))
            .Validate(o => o.StrandedAfter >= TimeSpan.Zero && o.Interval > TimeSpan.Zero, "OrderRecovery needs a non-negative StrandedAfter and a positive Interval.")
            .ValidateOnStart();
        builder.Services.AddSingleton<OrderRecovery>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OrderRecovery>());
        builder.AddCartHolds();
        builder.Services.AddSingleton<PlacementStore>();
        builder.Services.AddSingleton<BackorderStore>();
        builder.Services.AddScoped<Resourcing>();
        builder.Services.AddScoped<OrderFulfilment>();
        builder.Services.AddScoped<OrderCancellation>();
        builder.Services.AddScoped<StockCounts>();
        builder.Services.AddSingleton<ShortClaims>();
        builder.Services.AddScoped<ShortResolver>();
        builder.Services.AddOptions<FulfilmentOptions>().Bind(builder.Configuration.GetSection(FulfilmentOptions.Section))
            .Validate(o => o.ShortSweepInterval > TimeSpan.Zero && o.ClaimStaleAfter > TimeSpan.Zero, "Fulfilment:ShortSweepInterval and ClaimStaleAfter must be positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton<ShortSweeper>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ShortSweeper>());
        builder.Services.AddScoped<BackorderFiller>();
        builder.Services.AddOptions<BackorderOptions>().Bind(builder.Configuration.GetSection(BackorderOptions.Section))
            .Validate(o => o.FillInterval > TimeSpan.Zero, "Backorders:FillInterval must be positive.")
            .ValidateOnStart();
        builder.Services.AddHostedService<BackorderSweeper>();
        return builder;
    }

    public static WebApplication MapInventoryProcessApi(this WebApplication app)
    {
        var process = app.MapGroup("/process/v1").WithGroupName(DocumentName).WithContractValidation();
        process.MapAvailability().MapOrders().MapFulfilment().MapChannels().MapFeeds().MapHolds();
        return app;
    }
}
