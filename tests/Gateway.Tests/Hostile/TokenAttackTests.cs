using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using IntegrationGateway.ServiceDefaults.Auth;
using IntegrationGateway.TestSupport.Hostile;
using IntegrationGateway.TestSupport.Hosting;
using Xunit.Abstractions;

namespace IntegrationGateway.Gateway.Tests.Hostile;

/// <summary>Forged, broken and misused tokens through the gateway: every one is refused with 401 or 403 problem details.</summary>
public sealed class TokenAttackTests(SqliteStackFixture fixture, ITestOutputHelper output) : IClassFixture<SqliteStackFixture>
{
    private const string AttackerKey = "an-attacker-chosen-key-that-is-long-enough-0001";
    private readonly Stack _stack = fixture.Stack;

    public static TheoryData<TokenAttack> Attacks =>
    [
        .. new[] { "none", "None", "NONE", "nOnE" }.Select(alg => TokenAttack.Bearer($"alg {alg}, no signature", 401, () =>
        {
            var token = new HandMadeToken();
            token.Header["alg"] = alg;
            return token.Unsigned();
        })),
        TokenAttack.Bearer("alg none with the real signature left on", 401, () =>
        {
            var token = new HandMadeToken();
            var signature = token.Signed().Split('.')[2];
            token.Header["alg"] = "none";
            return token.Unsigned() + signature;
        }),
        TokenAttack.Token("signed with another key", 401, t => t.SigningKey = AttackerKey),
        TokenAttack.Bearer("signature stripped", 401, () => string.Join('.', new HandMadeToken().Signed().Split('.')[..2]) + "."),
        TokenAttack.Bearer("signature of another token", 401, () =>
        {
            var other = new HandMadeToken("someone-else").Signed().Split('.')[2];
            var mine = new HandMadeToken(scope: "availability:read orders:write inventory:admin").Signed().Split('.');
            return $"{mine[0]}.{mine[1]}.{other}";
        }),
        TokenAttack.Token("expired an hour ago", 401, t => { t.Claims["exp"] = Now() - 3600; t.Claims["nbf"] = Now() - 7200; t.Claims["iat"] = Now() - 7200; }),
        TokenAttack.Token("not valid for another hour", 401, t => { t.Claims["nbf"] = Now() + 3600; t.Claims["exp"] = Now() + 7200; }),
        TokenAttack.Token("wrong issuer", 401, t => t.Claims["iss"] = "https://evil.example"),
        TokenAttack.Token("no issuer", 401, t => t.Claims.Remove("iss")),
        TokenAttack.Token("wrong audience", 401, t => t.Claims["aud"] = "someone-else"),
        TokenAttack.Token("no exp", 401, t => t.Claims.Remove("exp")),
        TokenAttack.Token("kid naming another key", 401, t => { t.Header["kid"] = "../../keys/attacker"; t.SigningKey = AttackerKey; }),
        TokenAttack.Token("jku pointing at the attacker's key set", 401, t => { t.Header["jku"] = "http://127.0.0.1:1/jwks.json"; t.Header["kid"] = "evil"; t.SigningKey = AttackerKey; }),
        TokenAttack.Token("x5u pointing at the attacker's certificate", 401, t => { t.Header["x5u"] = "http://127.0.0.1:1/cert.pem"; t.SigningKey = AttackerKey; }),
        TokenAttack.Token("jwk embedding the attacker's key", 401, t =>
        {
            t.Header["jwk"] = new JsonObject { ["kty"] = "oct", ["k"] = HandMadeToken.Base64Url(Encoding.UTF8.GetBytes(AttackerKey)) };
            t.SigningKey = AttackerKey;
        }),
        TokenAttack.Token("RS256 header over an HS256 signature", 401, t => t.Header["alg"] = "RS256"),
        TokenAttack.Token("HS512 signed with the right key (only HS256 is allowed)", 401, t => { t.Header["alg"] = "HS512"; t.Mac = HMACSHA512.HashData; }),
        TokenAttack.Token("crit header naming an extension nobody understands", 401, t => { t.Header["crit"] = new JsonArray("exp-ext"); t.Header["exp-ext"] = true; }),
        TokenAttack.Token("oversized (10 KB of claims, under the header limit) and forged", 401, t => { t.Claims["padding"] = new string('x', 10_000); t.SigningKey = AttackerKey; }),
        TokenAttack.Bearer("not a JWT at all", 401, () => "garbage"),
        TokenAttack.Bearer("four segments", 401, () => new HandMadeToken().Signed() + ".extra"),
        TokenAttack.Bearer("payload not base64url", 401, () => { var p = new HandMadeToken().Signed().Split('.'); return $"{p[0]}.!!{p[1]}.{p[2]}"; }),
        TokenAttack.Token("a marketplace token on a storefront route", 403, t => t.Claims["channel"] = "marketplace"),
        TokenAttack.Token("a b2b token placing a storefront order", 403, t => t.Claims["channel"] = "b2b", "POST", TokenAttack.Write),
        TokenAttack.Token("a storefront token on the marketplace feed", 403, _ => { }, "GET", "/marketplace/v1/inventory-feed"),
        TokenAttack.Token("a storefront token on a b2b route", 403, _ => { }, "POST", "/b2b/v1/availability/query"),
        TokenAttack.Token("a channel that does not exist", 403, t => t.Claims["channel"] = "evil-channel"),
        TokenAttack.Token("channel in another case", 403, t => t.Claims["channel"] = "Storefront"),
        TokenAttack.Token("channel with a NUL", 403, t => t.Claims["channel"] = "storefront\u0000"),
        TokenAttack.Token("channel with control characters", 403, t => t.Claims["channel"] = "store\u0001front\n"),
        TokenAttack.Token("two channels in one claim", 403, t => t.Claims["channel"] = new JsonArray("marketplace", "storefront")),
        TokenAttack.Token("no channel on a channel route", 403, t => t.Claims.Remove("channel")),
        TokenAttack.Token("the admin scope without a channel on a channel route", 403, t => { t.Claims.Remove("channel"); t.Claims["scope"] = "inventory:admin"; }),
        TokenAttack.Token("a storefront token on an admin route", 403, _ => { }, "GET", "/system/erp/v1/locations"),
        TokenAttack.Token("read scope only, placing an order", 403, t => t.Claims["scope"] = "availability:read", "POST", TokenAttack.Write),
        TokenAttack.Token("orders scope under scp", 403, t => { t.Claims.Remove("scope"); t.Claims["scp"] = "availability:read orders:write"; }, "POST", TokenAttack.Write),
        TokenAttack.Token("orders scope under scopes", 403, t => { t.Claims.Remove("scope"); t.Claims["scopes"] = new JsonArray("availability:read", "orders:write"); }, "POST", TokenAttack.Write),
        TokenAttack.Token("admin scope under scp on an admin route", 403, t => { t.Claims.Remove("channel"); t.Claims["scope"] = "availability:read"; t.Claims["scp"] = "inventory:admin"; }, "GET", "/system/erp/v1/locations"),
        TokenAttack.Token("scope spelled with another case", 403, t => t.Claims["scope"] = "AVAILABILITY:READ ORDERS:WRITE", "POST", TokenAttack.Write),
        TokenAttack.Token("scope with a NUL joining two scopes", 403, t => t.Claims["scope"] = "availability:read\u0000orders:write", "POST", TokenAttack.Write),
        new("an empty bearer", 401, "GET", TokenAttack.Read, () => [new("Authorization", "Bearer ")]),
        new("the Bearer word alone", 401, "GET", TokenAttack.Read, () => [new("Authorization", "Bearer")]),
        new("a Basic scheme carrying a valid token", 401, "GET", TokenAttack.Read, () => [new("Authorization", "Basic " + new HandMadeToken().Signed())]),
        new("a lowercase bearer with a forged token", 401, "GET", TokenAttack.Read, () => [new("Authorization", "bearer " + Forged())]),
        new("two Authorization headers, valid then forged", 401, "GET", TokenAttack.Read, () =>
            [new("Authorization", "Bearer " + new HandMadeToken().Signed()), new("Authorization", "Bearer " + Forged())], AlsoAllowed: 400),
        new("two Authorization headers, a marketplace token then a storefront one", 401, "GET", TokenAttack.Read, () =>
            [new("Authorization", "Bearer " + Channel("marketplace")), new("Authorization", "Bearer " + new HandMadeToken().Signed())], AlsoAllowed: 400),
        new("a valid token in the query string only", 401, "GET", TokenAttack.Read + "?access_token=" + new HandMadeToken().Signed(), () => []),
    ];

    [Fact]
    public async Task AHandMadeTokenWithTheRightKeyIsAdmittedSoTheAttacksBelowTestWhatTheySay()
    {
        var sku = await _stack.Inventory().NewSkuAsync(("EU-1", 3));

        var answer = await SendAsync(new TokenAttack("control", 200, "GET", $"/storefront/v2/availability/{sku}", () => [new("Authorization", "Bearer " + new HandMadeToken().Signed())]));

        Assert.True(answer.Status == 200, $"{answer.Status} {answer.Body}");
    }

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task EveryTokenAttackIsRefusedWithProblemDetails(TokenAttack attack)
    {
        var answer = await SendAsync(attack);

        output.WriteLine($"{attack.Name}: {attack.Method} {attack.Path[..Math.Min(attack.Path.Length, 60)]} -> {answer.Status} {HostileRequest.Printable(answer.Body, 300)}");
        var request = new HostileRequest("token", attack.Name, Expect.Refused, attack.Method, attack.Path, [], null, [], null);
        Assert.True(answer.Status == attack.Expected || answer.Status == attack.AlsoAllowed, $"{attack.Name}: expected {attack.Expected}, got {answer.Status} {answer.MediaType} {HostileRequest.Printable(answer.Body, 400)}");
        var problem = AnswerCheck.Problem(request, answer.Status, answer.MediaType, answer.Body);
        Assert.True(problem is null, $"{attack.Name}: {problem}");
    }

    private async Task<RawHttp.Answer> SendAsync(TokenAttack attack)
    {
        var body = attack.Method == "POST"
            ? Encoding.UTF8.GetBytes(attack.Path == TokenAttack.Write ? "{\"orderRef\":\"TA-1\",\"lines\":[{\"sku\":\"ANY-SKU\",\"quantity\":1}]}" : "{\"skus\":[\"ANY-SKU\"]}")
            : null;
        var headers = attack.Headers().ToList();
        if (attack.Method == "POST")
        {
            headers.Add(new("Idempotency-Key", "token-attack-" + Guid.NewGuid().ToString("N")));
        }
        var server = _stack.Gateway.Address;
        return await RawHttp.SendAsync(server, RawHttp.Request(attack.Method, attack.Path, server.Authority, headers, body, body is null ? [] : ["application/json"]));
    }

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    private static string Forged() => new HandMadeToken { SigningKey = AttackerKey }.Signed();

    private static string Channel(string channel) => new HandMadeToken(channel: channel).Signed();
}
