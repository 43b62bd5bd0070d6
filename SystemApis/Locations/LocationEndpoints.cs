using Dapper;
using IntegrationGateway.Contracts.Erp;
using IntegrationGateway.ServiceDefaults.Auth;
using IntegrationGateway.ServiceDefaults.Storage;

namespace IntegrationGateway.SystemApis.Locations;

public static class LocationEndpoints
{
    public static RouteGroupBuilder MapLocations(this RouteGroupBuilder erp)
    {
        erp.MapGet("/locations", ListAsync)
            .WithName("ListLocations")
            .WithSummary("Lists the stocking locations in sourcing priority order.")
            .RequireAuthorization(Policies.ReadAvailability)
            .Produces<ICollection<Location>>();
        return erp;
    }

    private static async Task<IResult> ListAsync(Database database, CancellationToken cancellationToken)
    {
        const string sql = "SELECT code AS Code, region AS Region, priority AS Priority FROM locations ORDER BY priority, code";
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<LocationRow>(new CommandDefinition(sql, cancellationToken: cancellationToken));
        return TypedResults.Ok(rows.Select(r => new Location { Code = r.Code, Region = r.Region, Priority = r.Priority }).ToList());
    }

    private sealed record LocationRow
    {
        public string Code { get; init; } = "";
        public string Region { get; init; } = "";
        public int Priority { get; init; }
    }
}
