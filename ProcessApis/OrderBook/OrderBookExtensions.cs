namespace IntegrationGateway.ProcessApis.OrderBook;

/// <summary>
/// The order book is orders as stored: their lines, placements and waiting units, and the lease on each. Orders, cart
/// holds, fulfilment and backorders all read and write it, so it is registered once, beneath all of them.
/// </summary>
public static class OrderBookExtensions
{
    public static IHostApplicationBuilder AddOrderBook(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<OrderStore>();
        builder.Services.AddSingleton<OrderLeases>();
        builder.Services.AddSingleton<PlacementStore>();
        builder.Services.AddSingleton<BackorderStore>();
        return builder;
    }
}
