using IntegrationGateway.TestSupport.Hostile;
using IntegrationGateway.TestSupport.Hosting;

namespace IntegrationGateway.Gateway.Tests.Hostile;

/// <summary>
/// One request the full hostile run found answered wrongly, sent again on its own: a valid request of the operation
/// with one body property set to the raw JSON given. Refused with problem details and nothing changed where the
/// contract forbids the value; never a fault where it may be valid.
/// </summary>
public static class FoundByTheFullRun
{
    public static async Task AssertAsync(Stack stack, string why, string endpoint, string field, string json, Expect expect)
    {
        var operation = ContractCatalogue.Find(endpoint);
        var tag = "found-" + Guid.NewGuid().ToString("N")[..8];
        var world = await HostileWorld.CreateAsync(stack, tag);
        var draft = world.ValidRequest(operation);
        var raw = new RawJson();
        var body = draft.BodyNode!.DeepClone();
        body.AsObject()[field] = raw.Value(json);
        draft.BodyText = raw.Write(body);
        if (operation.Parameters.Any(p => p.Name == HeaderMutations.IdempotencyKey))
        {
            draft.SetHeader(HeaderMutations.IdempotencyKey, tag);
        }
        var request = draft.Finish(endpoint, why, expect, field);
        using var sender = new HostileSender(stack.Gateway.Address, HostileWorld.TokenFor(operation.Contract, tag));

        var before = await world.SnapshotAsync();
        var answer = await sender.SendAsync(request);
        var after = await world.SnapshotAsync();

        var problem = AnswerCheck.Problem(request, answer.Status, answer.MediaType, answer.Body);
        Assert.True(problem is null, $"{why}: {problem}\n{request.Describe()}-> {answer.Status} {HostileRequest.Printable(answer.Body, 400)}");
        Assert.True(expect == Expect.NoFault || before == after, $"{why}: the refused request changed state.");
    }
}
