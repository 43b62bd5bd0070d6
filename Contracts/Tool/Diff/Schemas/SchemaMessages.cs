using K = IntegrationGateway.ContractTool.Diff.Schemas.SchemaChangeKind;

namespace IntegrationGateway.ContractTool.Diff.Schemas;

internal static class SchemaMessages
{
    public static string Describe(SchemaSite site, SchemaChange change)
    {
        var what = site.Describe(change.Path);
        var required = change.Required ? "required" : "optional";
        var text = change.Kind switch
        {
            K.PropertyAdded => $"added the {required} {what}",
            K.PropertyRemoved => $"removed the {required} {what}",
            K.BecameRequired => $"the {what} became required",
            K.BecameOptional => $"the {what} became optional",
            K.BecameNullable => $"the {what} became nullable",
            K.BecameNotNullable => $"the {what} became not nullable",
            K.TypeChanged => $"the type of the {what} changed from {change.From} to {change.To}",
            K.TypeGeneralized => $"the type of the {what} was widened from {change.From} to {change.To}",
            K.TypeSpecialized => $"the type of the {what} was narrowed from {change.From} to {change.To}",
            K.EnumValueAdded => $"added the enum value {change.To} to the {what}",
            K.EnumValueRemoved => $"removed the enum value {change.From} from the {what}",
            K.BecameEnum => $"the {what} was restricted to the enum values {change.To}",
            K.BecameNotEnum => $"the {what} is no longer restricted to the enum values {change.From}",
            K.PatternAdded => $"added the pattern '{change.To}' to the {what}",
            K.PatternRemoved => $"removed the pattern '{change.From}' from the {what}",
            K.PatternChanged => $"changed the pattern of the {what} from '{change.From}' to '{change.To}'",
            K.BoundIncreased => $"the {Bounds.Keyword(change.Bound)} of the {what} was increased from {change.From} to {change.To}",
            K.BoundDecreased => $"the {Bounds.Keyword(change.Bound)} of the {what} was decreased from {change.From} to {change.To}",
            K.BoundSet => $"the {Bounds.Keyword(change.Bound)} of the {what} was set to {change.To}",
            K.BoundUnset => $"the {Bounds.Keyword(change.Bound)} of the {what} was removed, it had been {change.From}",
            // Keyword words either place the subject themselves ("the {what} was deprecated") or end before it.
            K.Keyword when change.From?.Contains("{what}", StringComparison.Ordinal) == true => change.From.Replace("{what}", what, StringComparison.Ordinal),
            K.Keyword => $"{change.From} the {what}",
            _ => change.Kind.ToString(),
        };
        return text + site.Suffix;
    }
}
