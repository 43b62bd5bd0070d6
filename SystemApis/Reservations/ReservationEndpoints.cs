using IntegrationGateway.Contracts.Erp;
using IntegrationGateway.ServiceDefaults.Auth;
using IntegrationGateway.ServiceDefaults.Idempotency;
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
            .WithSummary("Releases every active reservation of a reference; releasing twice gives nothing back the second time.")
            .RequireAuthorization(Policies.WriteOrders)
            .Produces<ReleaseResult>()
            .ProducesProblem(400).ProducesProblem(422);
        return erp;
    }

    private static Task<IResult> ReserveAsync(
        [FromHeader(Name = IdempotencyKey.Header)] string? idempotencyKey, ReservationRequest request,
        HttpContext context, IdempotentCommands commands, ReservationStore store, CancellationToken cancellationToken) =>
        commands.HandleAsync(idempotencyKey, request, "reserve", context,
            (connection, transaction, provenance) => store.ReserveAsync(connection, transaction, request, provenance, cancellationToken), cancellationToken);

    private static Task<IResult> ReleaseAsync(
        [FromHeader(Name = IdempotencyKey.Header)] string? idempotencyKey, ReleaseRequest request,
        HttpContext context, IdempotentCommands commands, ReservationStore store, CancellationToken cancellationToken) =>
        commands.HandleAsync(idempotencyKey, request, "release", context,
            (connection, transaction, provenance) => store.ReleaseAsync(connection, transaction, request.Reference, provenance, cancellationToken), cancellationToken);
}
