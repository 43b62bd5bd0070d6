using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IntegrationGateway.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http;

namespace IntegrationGateway.ServiceDefaults.Idempotency;

/// <summary>The Idempotency-Key rules every stock-moving POST shares.</summary>
public static class IdempotencyKey
{
    public const string Header = "Idempotency-Key";
    public const int MaxLength = 100;

    /// <summary>A 400 problem when the key is missing or unusable, else null.</summary>
    public static IResult? Refusal(string? key)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            return Problem.Result(400, ProblemTypes.IdempotencyKeyMissing, "The Idempotency-Key header is required.",
                "Every POST that creates or moves stock needs a unique Idempotency-Key so a retry is applied once.");
        }
        if (key.Contains(','))
        {
            // A comma separates the values of a repeated header ("a, b" is how two Idempotency-Keys arrive joined),
            // so a key with one cannot be told from two keys.
            return Problem.Validation(Header, "Send one Idempotency-Key, without commas.");
        }
        return key.Length > MaxLength || key.Any(c => c is < ' ' or > '~')
            ? Problem.Validation(Header, $"Use at most {MaxLength} printable ASCII characters.")
            : null;
    }

    /// <summary>
    /// A fingerprint of what the request asks for: the operation plus the body as the server understood it,
    /// so formatting differences do not matter but any change of meaning does.
    /// </summary>
    public static string Fingerprint<T>(string operation, T request)
    {
        var bytes = Encoding.UTF8.GetBytes(operation + "\n" + JsonSerializer.Serialize(request, JsonSerializerOptions.Web));
        return Convert.ToHexString(SHA256.HashData(bytes));
    }
}
