using System.Security.Cryptography;
using System.Text;

namespace IntegrationGateway.ProcessApis.Idempotency;

/// <summary>
/// Idempotency-Keys for the calls one process request makes downstream: the same parts give the same key, so a retried
/// request repeats nothing, and a hash keeps long SKUs and caller keys within the 100 characters a key may have.
/// </summary>
public static class DerivedKeys
{
    public static string Of(params string[] parts) =>
        "pk_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', parts))))[..40];
}
