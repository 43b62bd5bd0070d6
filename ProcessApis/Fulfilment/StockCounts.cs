using IntegrationGateway.Contracts.Erp;
using IntegrationGateway.Contracts.Process;
using IntegrationGateway.Contracts.Wms;
using IntegrationGateway.ProcessApis.Idempotency;
using IntegrationGateway.ServiceDefaults.Problems;
using IntegrationGateway.ProcessApis.Sourcing;

namespace IntegrationGateway.ProcessApis.Fulfilment;

/// <summary>
/// A cycle count (DESIGN.md: cycle count -> ledger posting). The ERP sets on-hand and, when fewer units were found than
/// are committed, takes back the newest commitments; each one taken from an order is sourced again elsewhere or
/// backordered, one taken from a cart hold shrinks the hold. The WMS's count flags for the balance are then resolved.
/// </summary>
public sealed class StockCounts(IErpClient erp, IWmsClient wms, ShortResolver resolver)
{
    public async Task<Answer> PostAsync(StockCountRequest request, string key, CancellationToken cancellationToken)
    {
        var counted = await erp.PostCycleCountAsync(DerivedKeys.Of("count", key), new CycleCountRequest
        {
            Sku = request.Sku,
            Location = request.Location,
            CountedOnHand = request.CountedOnHand,
            ReferenceDocument = request.ReferenceDocument,
        }, cancellationToken);
        if (Refusals.IsRefusal(counted))
        {
            return Answer.Problem(Refusals.Of(counted, "ERP"));
        }
        var result = ErpAnswers.Content(counted);
        var shortLines = new List<ShortLine>();
        foreach (var taken in result.Shorted)
        {
            // The sweep may have picked the reservation up first; then its outcome is reported, or 503 if it is still busy.
            shortLines.Add(await resolver.ResolveAsync(taken, cancellationToken) ?? throw new DependencyUnavailableException("short resolution", 409));
        }
        if (result.Shorted.Count > 0)
        {
            ErpAnswers.Content(await erp.ResolveShortReservationsAsync(DerivedKeys.Of("short-resolved", key),
                new ShortResolution { Ids = result.Shorted.Select(r => r.Id).ToList() }, cancellationToken));
        }
        SystemAnswers.Content(await wms.ResolveCountFlagsAsync(DerivedKeys.Of("count-flags", key), new CountFlagResolution
        {
            Sku = request.Sku,
            Location = request.Location,
            // The WMS requires a document; a blank one (spaces, a line separator) is no document either.
            ReferenceDocument = string.IsNullOrWhiteSpace(request.ReferenceDocument) ? "count " + key[..Math.Min(key.Length, 58)] : request.ReferenceDocument,
        }, cancellationToken), "WMS");
        return Answer.Json(201, new StockCountResult
        {
            Sku = request.Sku,
            Location = request.Location,
            OnHand = result.Balance.OnHand,
            Available = result.Balance.Available,
            ShortLines = shortLines,
        });
    }
}
