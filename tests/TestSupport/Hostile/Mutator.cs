namespace IntegrationGateway.TestSupport.Hostile;

/// <summary>
/// One way of breaking a valid request. Core mutators are always in a run (the cases the issue names); the others
/// are drawn by the seeded generator. Apply gets a copy of the valid draft and says what it did.
/// </summary>
public sealed record Mutator(string Name, Expect Expect, Func<Random, RequestDraft, string> Apply, string? Field = null, bool Core = false);
