using IntegrationGateway.Contracts.Erp;

namespace IntegrationGateway.ProcessApis.Sourcing;

/// <summary>Reserves a sourcing plan at the ERP line by line, under one reference, through its generated client.</summary>
public static class ErpReservations
{
    /// <summary>
    /// False when the ERP refused one (the stock went elsewhere); what was reserved before the refusal stays held
    /// under the reference until the caller releases it. Each call carries the Idempotency-Key the caller derives
    /// for the allocation, so a retried call is applied once.
    /// </summary>
    public static async Task<bool> ReserveAllAsync(IErpClient erp, string reference, IReadOnlyList<PlannedAllocation> allocations,
        Func<PlannedAllocation, int, string> idempotencyKey, CancellationToken cancellationToken)
    {
        for (var index = 0; index < allocations.Count; index++)
        {
            var allocation = allocations[index];
            var response = await erp.CreateReservationAsync(idempotencyKey(allocation, index), new ReservationRequest
            {
                Reference = reference,
                Sku = allocation.Sku,
                Location = allocation.Location,
                Quantity = allocation.Quantity,
            }, cancellationToken);
            if (response.StatusCode is System.Net.HttpStatusCode.Conflict or System.Net.HttpStatusCode.NotFound)
            {
                return false;
            }
            ErpAnswers.Content(response);
        }
        return true;
    }
}
