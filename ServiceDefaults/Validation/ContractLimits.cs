using System.ComponentModel.DataAnnotations;

namespace IntegrationGateway.ServiceDefaults.Validation;

/// <summary>
/// The lengths of the identifiers every layer passes down, stated once: a value an experience API admits is never
/// refused lower down (where it would surface as an outage). The contracts state the same bounds; a served document
/// that differs from its contract fails the drift tests.
/// </summary>
public static class ContractLimits
{
    public const int Sku = 64;
    public const int Location = 32;
    public const int Id = 64;
    public const int CartId = 48;
    public const int Cursor = 200;
    /// <summary>A comma-separated list of up to 100 SKUs.</summary>
    public const int SkuList = 100 * (Sku + 1);
}

// Bounds for route, query and header parameters, read by ContractValidation and by the document generator alike.
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class SkuAttribute : StringLengthAttribute
{
    public SkuAttribute() : base(ContractLimits.Sku) => MinimumLength = 1;
}

[AttributeUsage(AttributeTargets.Parameter)]
public sealed class LocationAttribute : StringLengthAttribute
{
    public LocationAttribute() : base(ContractLimits.Location) => MinimumLength = 1;
}

[AttributeUsage(AttributeTargets.Parameter)]
public sealed class IdAttribute : StringLengthAttribute
{
    public IdAttribute() : base(ContractLimits.Id) => MinimumLength = 1;
}

[AttributeUsage(AttributeTargets.Parameter)]
public sealed class CartIdAttribute : StringLengthAttribute
{
    public CartIdAttribute() : base(ContractLimits.CartId) => MinimumLength = 1;
}

[AttributeUsage(AttributeTargets.Parameter)]
public sealed class CursorAttribute : StringLengthAttribute
{
    public CursorAttribute() : base(ContractLimits.Cursor) => MinimumLength = 1;
}

[AttributeUsage(AttributeTargets.Parameter)]
public sealed class SkuListAttribute : StringLengthAttribute
{
    public SkuListAttribute() : base(ContractLimits.SkuList) => MinimumLength = 1;
}
