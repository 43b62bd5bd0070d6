using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using IntegrationGateway.Contracts.Erp;
using IntegrationGateway.ServiceDefaults.Auth;
using IntegrationGateway.ServiceDefaults.Problems;
using IntegrationGateway.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Mvc;

namespace IntegrationGateway.SystemApis.Items;

public static partial class ItemEndpoints
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;

    public static RouteGroupBuilder MapItems(this RouteGroupBuilder erp)
    {
        erp.MapGet("/items", ListAsync)
            .WithName("ListItems")
            .WithSummary("Pages the inventory master in SKU order, so a caller can visit every SKU the ERP knows.")
            .RequireAuthorization(Policies.ReadAvailability)
            .Produces<ItemPage>()
            .ProducesProblem(400);
        erp.MapGet("/items/{sku}", GetAsync)
            .WithName("GetItem")
            .WithSummary("Reads one item of the inventory master.")
            .RequireAuthorization(Policies.ReadAvailability)
            .Produces<Item>()
            .ProducesProblem(404);
        erp.MapPut("/items/{sku}", UpsertAsync)
            .WithName("UpsertItem")
            .WithSummary("Creates or updates an item; a new item gets an empty balance at every location.")
            .RequireAuthorization(Policies.Admin)
            .Produces<Item>()
            .Produces<Item>(201)
            .ProducesProblem(400);
        return erp;
    }

    private static async Task<IResult> ListAsync(
        ItemStore store, CancellationToken cancellationToken,
        [FromQuery(Name = "after"), Cursor] string? after = null, [FromQuery(Name = "limit"), Range(1, MaxLimit)] int limit = DefaultLimit)
    {
        if (limit is < 1 or > MaxLimit)
        {
            return Problem.Validation("limit", $"Ask for 1 to {MaxLimit} items.");
        }
        // The cursor is the last SKU of the previous page: SKUs are unique and ordered, so paging never skips one.
        var rows = await store.PageAsync(after ?? "", limit + 1, cancellationToken);
        var page = rows.Take(limit).ToList();
        return TypedResults.Ok(new ItemPage { Items = page, NextCursor = rows.Count > limit ? page[^1].Sku : null });
    }

    private static async Task<IResult> GetAsync([Sku] string sku, ItemStore store, CancellationToken cancellationToken) =>
        await store.FindAsync(sku, cancellationToken) is { } item ? TypedResults.Ok(item) : Problem.NotFound($"No item {sku}.");

    private static async Task<IResult> UpsertAsync([Sku] string sku, ItemUpsert request, ItemStore store, CancellationToken cancellationToken)
    {
        var errors = RequestValidation.Errors(request);
        if (!SkuFormat().IsMatch(sku))
        {
            errors["sku"] = ["A SKU is 1 to 64 letters, digits, '.', '_' or '-'."];
        }
        if (errors.Count > 0)
        {
            return Problem.Validation(errors);
        }
        var created = await store.UpsertAsync(sku, request, cancellationToken);
        var item = new Item { Sku = sku, Description = request.Description, Scarce = request.Scarce == true, SkuClass = request.SkuClass ?? ItemClasses.Default };
        return created ? TypedResults.Created($"/system/erp/v1/items/{Uri.EscapeDataString(sku)}", item) : TypedResults.Ok(item);
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex SkuFormat();
}
