namespace IntegrationGateway.ProcessApis.Fulfilment;

public static class FulfilmentExtensions
{
    public static IHostApplicationBuilder AddFulfilment(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<OrderFulfilment>();
        builder.Services.AddScoped<StockCounts>();
        builder.Services.AddSingleton<ShortClaims>();
        builder.Services.AddScoped<ShortResolver>();
        builder.Services.AddOptions<FulfilmentOptions>().Bind(builder.Configuration.GetSection(FulfilmentOptions.Section))
            .Validate(o => o.ShortSweepInterval > TimeSpan.Zero && o.ClaimStaleAfter > TimeSpan.Zero, "Fulfilment:ShortSweepInterval and ClaimStaleAfter must be positive.")
            .ValidateOnStart();
        // One instance is both the hosted pass and the one a caller can run by hand.
        builder.Services.AddSingleton<ShortSweeper>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ShortSweeper>());
        return builder;
    }
}
