using IntegrationGateway.Contracts.Erp;
using IntegrationGateway.ServiceDefaults.Auth;
using IntegrationGateway.ServiceDefaults.Idempotency;
using IntegrationGateway.ServiceDefaults.Problems;
using IntegrationGateway.SystemApis.Idempotency;
using Microsoft.AspNetCore.Mvc;

namespace IntegrationGateway.SystemApis.Reservations;

public static class ReservationEndpoints
{
    public static RouteGroupBuilder MapReservations(this RouteGroupBuilder erp)
    {
        erp.MapPost("/reservations", ReserveAsync)
            .WithName("CreateReservation")
            .WithSummary("Reserves units with one conditional update: reserved never exceeds what is sellable.")
            .RequireAuthorization(Policies.WriteOrders)
            .Produces<Reservation>(201)
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
        erp.MapPost("/reservations/release", ReleaseAsync)
            .WithName("ReleaseReservations")
            .WithSummary("Releases every active or allocated reservation of a reference (or of one SKU at one location); releasing twice gives nothing back the second time.")
            .RequireAuthorization(Policies.WriteOrders)
            .Produces<ReleaseResult>()
            .ProducesProblem(400).ProducesProblem(422);
        erp.MapPost("/reservations/allocate", AllocateAsync)
            .WithName("AllocateReservations")
            .WithSummary("Moves a reference's active reservations of one SKU at one location to allocated: released to the WMS for picking.")
            .RequireAuthorization(Policies.WriteOrders)
            .Produces<ReservationLineResult>()
            .ProducesProblem(400).ProducesProblem(409).ProducesProblem(422);
        erp.MapPost("/reservations/ship", ShipAsync)
            .WithName("ShipReservations")
            .WithSummary("Posts a shipment the WMS confirmed: the allocated units of one SKU at one location leave (allocated and on-hand down).")
            .RequireAuthorization(Policies.WriteOrders)
            .Produces<ReservationLineResult>()
            .ProducesProblem(400).ProducesProblem(409).ProducesProblem(422);
        erp.MapPost("/reservations/transfer", TransferAsync)
            .WithName("TransferReservations")
            .WithSummary("Moves the active reservations of one or more references to another reference in one transaction, provided they are exactly the expected lines; no unit is released on the way.")
            .WithDescription(TransferDescription)
            .RequireAuthorization(Policies.WriteOrders)
            .Produces<ReservationTransferResult>()
            .ProducesProblem(400).ProducesProblem(409).ProducesProblem(422);
        erp.MapGet("/reservations/short", ListShortAsync)
            .WithName("ListShortReservations")
            .WithSummary("Lists, oldest first, up to 100 reservations a count took back whose references were not yet re-sourced or backordered.")
            .RequireAuthorization(Policies.WriteOrders)
            .Produces<ICollection<Reservation>>();
        erp.MapPost("/reservations/short/resolve", ResolveShortAsync)
            .WithName("ResolveShortReservations")
            .WithSummary("Marks short reservations as dealt with, so they are listed no more; marking one twice is not an error.")
            .RequireAuthorization(Policies.WriteOrders)
            .Produces<ICollection<Reservation>>()
            .ProducesProblem(400).ProducesProblem(422);
        return erp;
    }

    private const string TransferDescription =
        "A re-reference: the reservations keep their units, so no balance moves and no other reference can take a unit in between (a cart's holds "
        + "becoming its order's reservation). Each balance whose reservations moved gets one ledger row of movement type re-reference with no quantity "
        + "change, naming the new reference as its reference document and the old ones in its reason, so the move is audited while the ledger still "
        + "sums to every balance. When the active reservations of the references are not exactly the expected lines, nothing moves and the answer is "
        + "409.";

    private static Task<IResult> TransferAsync(
        [FromHeader(Name = IdempotencyKey.Header)] string? idempotencyKey, ReservationTransfer request,
        HttpContext context, IdempotentCommands commands, ReservationTransfers transfers, CancellationToken cancellationToken) =>
        request.From?.Contains(request.To, StringComparer.Ordinal) == true
            ? Task.FromResult(Problem.Validation("to", "Name a reference that is not one of from."))
            : commands.HandleAsync(idempotencyKey, request, "transfer", context,
                (connection, transaction, provenance) => transfers.TransferAsync(connection, transaction, request, provenance, cancellationToken), cancellationToken);

    private static async Task<IResult> ListShortAsync(ShortReservations shorts, CancellationToken cancellationToken) =>
        TypedResults.Ok(await shorts.ListUnresolvedAsync(cancellationToken));

    private static Task<IResult> ResolveShortAsync(
        [FromHeader(Name = IdempotencyKey.Header)] string? idempotencyKey, ShortResolution resolution,
        HttpContext context, IdempotentCommands commands, ShortReservations shorts, CancellationToken cancellationToken) =>
        commands.HandleAsync(idempotencyKey, resolution, "resolve-short", context,
            (connection, transaction, _) => shorts.ResolveAsync(connection, transaction, resolution, cancellationToken), cancellationToken);

    private static Task<IResult> ReserveAsync(
        [FromHeader(Name = IdempotencyKey.Header)] string? idempotencyKey, ReservationRequest request,
        HttpContext context, IdempotentCommands commands, ReservationStore store, CancellationToken cancellationToken) =>
        commands.HandleAsync(idempotencyKey, request, "reserve", context,
            (connection, transaction, provenance) => store.ReserveAsync(connection, transaction, request, provenance, cancellationToken), cancellationToken);

    private static Task<IResult> ReleaseAsync(
        [FromHeader(Name = IdempotencyKey.Header)] string? idempotencyKey, ReleaseRequest request,
        HttpContext context, IdempotentCommands commands, ReservationStore store, CancellationToken cancellationToken) =>
        (request.Sku is null) != (request.Location is null)
            ? Task.FromResult(Problem.Validation(request.Sku is null ? "sku" : "location", "Name both sku and location, or neither."))
            : commands.HandleAsync(idempotencyKey, request, "release", context,
                (connection, transaction, provenance) => store.ReleaseAsync(connection, transaction, request, provenance, cancellationToken), cancellationToken);

    private static Task<IResult> AllocateAsync(
        [FromHeader(Name = IdempotencyKey.Header)] string? idempotencyKey, ReservationLineRequest request,
        HttpContext context, IdempotentCommands commands, FulfilmentStore store, CancellationToken cancellationToken) =>
        commands.HandleAsync(idempotencyKey, request, "allocate", context,
            (connection, transaction, provenance) => store.AllocateAsync(connection, transaction, request, provenance, cancellationToken), cancellationToken);

    private static Task<IResult> ShipAsync(
        [FromHeader(Name = IdempotencyKey.Header)] string? idempotencyKey, ReservationLineRequest request,
        HttpContext context, IdempotentCommands commands, FulfilmentStore store, CancellationToken cancellationToken) =>
        commands.HandleAsync(idempotencyKey, request, "ship", context,
            (connection, transaction, provenance) => store.ShipAsync(connection, transaction, request, provenance, cancellationToken), cancellationToken);
}
