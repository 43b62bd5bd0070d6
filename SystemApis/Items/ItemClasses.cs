namespace IntegrationGateway.SystemApis.Items;

/// <summary>The SKU class an item has when its upsert names none; channel rules are chosen by class.</summary>
public static class ItemClasses
{
    public const string Default = "standard";
}
