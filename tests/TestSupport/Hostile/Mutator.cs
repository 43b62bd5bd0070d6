namespace IntegrationGateway.TestSupport.Hostile;

/// <summary>
/// One way of breaking a valid request. Apply gets a copy of the valid draft and says what it did. Core mutators are
/// the cases the issue names: the first of each Kind (its name without the field) is in every run, however small.
/// </summary>
public sealed record Mutator(string Name, Expect Expect, Func<Random, RequestDraft, string> Apply, string? Field = null, bool Core = false, string? Kind = null)
{
    public string KindOrName => Kind ?? Name;
}
