namespace IntegrationGateway.ProcessApis.Orders;

public static class OrdersExtensions
{
    public static IHostApplicationBuilder AddOrders(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<OrderReservation>();
        builder.Services.AddScoped<OrderCancellation>();
        builder.Services.AddOptions<OrderRecoveryOptions>().Bind(builder.Configuration.GetSection(OrderRecoveryOptions.Section))
            .Validate(o => o.StrandedAfter >= TimeSpan.Zero && o.Interval > TimeSpan.Zero, "OrderRecovery needs a non-negative StrandedAfter and a positive Interval.")
            .ValidateOnStart();
        // One instance is both the hosted pass and the one a caller can run by hand.
        builder.Services.AddSingleton<OrderRecovery>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OrderRecovery>());
        return builder;
    }
}
