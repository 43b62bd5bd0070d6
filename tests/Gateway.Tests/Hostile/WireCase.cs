namespace IntegrationGateway.Gateway.Tests.Hostile;

/// <summary>
/// A request broken below the application: bytes a client library would never write. BeforeTheApplication marks
/// requests Kestrel refuses while parsing, before any middleware runs (framing, bytes in the request line or a
/// header, a NUL in the path); those may stay body-less. Size limits are not among them: the gateway can set its
/// own below Kestrel's and answer with problem details. AlsoAllowed is a status the HTTP standard itself names
/// (505 for an HTTP version the server does not speak).
/// </summary>
public sealed record WireCase(string Name, Func<string, string, byte[]> Bytes, bool BeforeTheApplication = false, int AlsoAllowed = 0)
{
    public override string ToString() => Name;
}
