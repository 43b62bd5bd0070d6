using IntegrationGateway.TestSupport.Hostile;

namespace IntegrationGateway.Gateway.Tests.Hostile;

/// <summary>One attack on the gateway's token checks: the request it makes and the refusal it must get.</summary>
/// <remarks>AlsoAllowed: a second status the standards name for the case (400 for a repeated Authorization, RFC 6750 3.1).</remarks>
public sealed record TokenAttack(string Name, int Expected, string Method, string Path, Func<IReadOnlyList<KeyValuePair<string, string>>> Headers, int AlsoAllowed = 0)
{
    public const string Read = "/storefront/v2/availability/ANY-SKU";
    public const string Write = "/storefront/v2/orders";

    public static TokenAttack Bearer(string name, int expected, Func<string> token, string method = "GET", string path = Read) =>
        new(name, expected, method, path, () => [new("Authorization", "Bearer " + token())]);

    public static TokenAttack Token(string name, int expected, Action<HandMadeToken> change, string method = "GET", string path = Read) =>
        Bearer(name, expected, () =>
        {
            var token = new HandMadeToken();
            change(token);
            return token.Signed();
        }, method, path);

    public override string ToString() => Name;
}
