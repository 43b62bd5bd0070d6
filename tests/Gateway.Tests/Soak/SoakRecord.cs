using System.Collections.Concurrent;

namespace IntegrationGateway.Gateway.Tests.Soak;

/// <summary>
/// What the soak was told was done: the orders accepted and cancelled, and the stock moved under each
/// accepted Idempotency-Key (counted once, however often the key was sent). The stores must agree with it.
/// </summary>
public sealed class SoakRecord
{
    private readonly ConcurrentDictionary<string, bool> _orders = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Sku, string Location), int> _onHand = new();

    /// <summary>Order id to whether a cancel of it was answered 200.</summary>
    public IReadOnlyDictionary<string, bool> Orders => _orders;

    /// <summary>On-hand each balance must hold: opening stock plus every accepted movement.</summary>
    public IReadOnlyDictionary<(string Sku, string Location), int> OnHand => _onHand;

    public void Accepted(string orderId) => _orders.TryAdd(orderId, false);

    public void Cancelled(string orderId) => _orders[orderId] = true;

    public void Moved(string sku, string location, int quantity) => _onHand.AddOrUpdate((sku, location), quantity, (_, n) => n + quantity);
}
