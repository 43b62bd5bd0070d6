namespace IntegrationGateway.ServiceDefaults.Stock;

/// <summary>
/// available_to_sell of DESIGN.md, in one place for every layer that works it out (the ERP's balances and stock events,
/// the process API's positions and held stock): on_hand - reserved - allocated - damaged - inspection - safety_stock,
/// floored at 0.
/// </summary>
public static class AvailableToSell
{
    public static int Of(int onHand, int reserved, int allocated, int damaged, int inspection, int safetyStock) =>
        Math.Max(0, onHand - reserved - allocated - damaged - inspection - safetyStock);
}
