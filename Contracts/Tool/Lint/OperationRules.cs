using IntegrationGateway.ContractTool.Reports;
using Microsoft.OpenApi;

namespace IntegrationGateway.ContractTool.Lint;

/// <summary>What every operation declares: a name, a summary, its error shape, and a key when it changes state.</summary>
public static class OperationRules
{
    public const string OperationIdMissing = "operation-id-missing";
    public const string OperationSummaryMissing = "operation-summary-missing";
    public const string ProblemResponseMissing = "problem-response-missing";
    public const string IdempotencyKeyMissing = "idempotency-key-missing";

    /// <summary>A POST that only reads (a query too large for a URL): retrying it is already safe.</summary>
    public const string SafeExtension = "x-safe";

    private const string ProblemJson = "application/problem+json";
    private const string IdempotencyKey = "Idempotency-Key";

    public static IEnumerable<Finding> Check(LintedOperation operation)
    {
        if (string.IsNullOrWhiteSpace(operation.Operation.OperationId))
        {
            yield return new Finding(OperationIdMissing, Level.Err, operation.Label,
                "no operationId; generated clients and diff reports need a stable name for the operation");
        }

        if (string.IsNullOrWhiteSpace(operation.Operation.Summary))
        {
            yield return new Finding(OperationSummaryMissing, Level.Err, operation.Label,
                "no summary; partner docs and generated clients show it as what the operation does");
        }

        if (NeedsProblemResponse(operation) && !DeclaresProblemResponse(operation.Operation))
        {
            yield return new Finding(ProblemResponseMissing, Level.Err, operation.Label,
                $"no 4xx response with {ProblemJson} content; clients cannot tell how a refusal looks");
        }

        if (operation.Method == HttpMethod.Post && !operation.HasFlag(SafeExtension))
        {
            var key = operation.Parameters.FirstOrDefault(p =>
                p.In == ParameterLocation.Header && string.Equals(p.Name, IdempotencyKey, StringComparison.OrdinalIgnoreCase));
            if (key is not { Required: true })
            {
                var declared = key is null ? "does not declare" : "declares but does not require";
                yield return new Finding(IdempotencyKeyMissing, Level.Err, operation.Label,
                    $"a POST that {declared} the {IdempotencyKey} header cannot be retried safely (mark a read-only POST {SafeExtension}: true)");
            }
        }
    }

    // A GET or HEAD without parameters or body has nothing a client can get wrong: nothing to validate and nothing
    // to miss. Its only refusals, 401 and 403, follow from the security scheme and no operation of ours lists them.
    private static bool NeedsProblemResponse(LintedOperation operation) =>
        !((operation.Method == HttpMethod.Get || operation.Method == HttpMethod.Head)
            && operation.Parameters.Count == 0
            && operation.Operation.RequestBody is null);

    private static bool DeclaresProblemResponse(OpenApiOperation operation) =>
        (operation.Responses ?? []).Any(response =>
            IsClientError(response.Key)
            && (response.Value.Content ?? new Dictionary<string, IOpenApiMediaType>()).Keys.Any(mediaType =>
                mediaType.Split(';')[0].Trim().Equals(ProblemJson, StringComparison.OrdinalIgnoreCase)));

    // "4XX" is the specification's range form; it covers every client error at once.
    private static bool IsClientError(string status) =>
        status.Length == 3 && status[0] == '4'
        && (status[1..].Equals("XX", StringComparison.OrdinalIgnoreCase) || status[1..].All(char.IsAsciiDigit));
}
