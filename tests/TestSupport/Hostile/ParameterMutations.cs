using System.Globalization;
using System.Text;

namespace IntegrationGateway.TestSupport.Hostile;

/// <summary>Invalid variants of path and query parameters.</summary>
public static class ParameterMutations
{
    public static IEnumerable<Mutator> For(ContractOperation operation)
    {
        foreach (var parameter in operation.Parameters.Where(p => p.In == "path"))
        {
            foreach (var mutator in ForPath(operation, parameter))
            {
                yield return mutator;
            }
        }
        foreach (var parameter in operation.Parameters.Where(p => p.In == "query"))
        {
            foreach (var mutator in ForQuery(parameter))
            {
                yield return mutator;
            }
        }
    }

    private static IEnumerable<Mutator> ForPath(ContractOperation operation, ContractParameter parameter)
    {
        var name = parameter.Name;
        // A path naming something that cannot exist is refused (404 or 400), unless the call creates it by that name.
        // Odd but well-formed names (unicode, injection strings) may exist: another operation's run may have created them.
        var creates = operation.Method == "PUT" || operation.PathTemplate.EndsWith("/holds", StringComparison.Ordinal);
        var odd = creates ? Expect.NoFault : Expect.Refused;
        var limit = parameter.Schema.MaxLength ?? ContractCatalogue.KnownMaxLength(name == "id" ? "reference" : name);
        if (limit is { } max)
        {
            yield return Path(name, $"{name} one past the {max} characters stated for it", Expect.Refused, r => r.LongAscii(max + 1), core: true);
        }
        // At most 3,000 characters (18 KB escaped): past the product's URL limit, below Kestrel's own, which WireRefusalTests covers.
        yield return Path(name, $"{name} very long", limit is null ? odd : Expect.Refused, r => r.Long(r.Pick([300, 2_000, 3_000])));
        yield return Path(name, $"{name} unicode edge", Expect.NoFault, r => r.Pick(HostileValues.Unicode));
        yield return Path(name, $"{name} injection", Expect.NoFault, r => r.Pick(HostileValues.Injection));
        yield return Escaped(name, $"{name} not UTF-8 when unescaped", Expect.Refused, r => r.Pick(["%FF", "%C0%AF", "%ED%A0%80", "A%E9B", "%80"]));
        yield return Escaped(name, $"{name} escaped NUL or control", odd, r => r.Pick(["%00", "A%00B", "%0A", "%0D%0AX-Injected:%201", "%7F"]));
        // An escaped dot segment is decoded and removed before routing (RFC 3986 5.2.4): /items/%2e is a call to /items/.
        yield return Escaped(name, $"{name} escaped slash or dot segment", Expect.NoFault, r => r.Pick(["a%2Fb", "%2E%2E", "..%2F..%2Fprocess", "%5C", "%2e"]));
    }

    private static IEnumerable<Mutator> ForQuery(ContractParameter parameter)
    {
        var name = parameter.Name;
        var s = parameter.Schema;
        if (parameter.Required)
        {
            yield return Query(name, $"{name} missing", Expect.Refused, (_, q) => q.RemoveAll(p => p.Key == name), core: true);
            yield return Query(name, $"{name} empty", Expect.Refused, (_, q) => Set(q, name, ""));
        }
        if (s.Type == "integer")
        {
            var bad = new List<string> { "abc", "1.5", "1e3", "0x10", "%EF%BC%91", "2147483648", "-1", "true", "" };
            if (s.Minimum is { } min)
            {
                bad.Add((min - 1).ToString(CultureInfo.InvariantCulture));
            }
            if (s.Maximum is { } max)
            {
                bad.Add((max + 1).ToString(CultureInfo.InvariantCulture));
            }
            yield return Query(name, $"{name} not an integer in range", Expect.Refused, (r, q) => Set(q, name, r.Pick(bad)), core: true);
        }
        if (s.Type != "array")
        {
            // One value expected: a second must not be joined to the first or silently dropped.
            yield return Query(name, $"{name} given twice", Expect.Refused, (r, q) =>
            {
                var first = q.FirstOrDefault(p => p.Key == name).Value ?? "1";
                q.Add(new(name, s.Type == "integer" ? "2" : first + "x"));
                if (!q.Any(p => p.Key == name && p.Value == first))
                {
                    q.Add(new(name, first));
                }
            }, core: true);
        }
        // A limit stated for the same name elsewhere in the contracts: a filter past it may find nothing, never fault.
        var limit = s.MaxLength ?? ContractCatalogue.KnownMaxLength(name == "skus" ? "sku" : name);
        var pastLimit = s.MaxLength is null ? Expect.NoFault : Expect.Refused;
        if (s.Type != "integer")
        {
            if (limit is { } max)
            {
                yield return Query(name, $"{name} one past the {max} characters stated for it", pastLimit, (r, q) => Set(q, name, r.LongAscii(max + 1)), core: true);
            }
            yield return Query(name, $"{name} very long", limit is null ? Expect.NoFault : pastLimit, (r, q) => Set(q, name, r.Long(r.Pick([300, 2_000, 3_000]))));
            yield return Query(name, $"{name} unicode edge", Expect.NoFault, (r, q) => Set(q, name, Uri.EscapeDataString(r.Pick(HostileValues.Unicode))));
            yield return Query(name, $"{name} injection", Expect.NoFault, (r, q) => Set(q, name, Uri.EscapeDataString(r.Pick(HostileValues.Injection))));
            yield return Query(name, $"{name} not UTF-8 when unescaped", Expect.NoFault, (r, q) => Set(q, name, r.Pick(["%FF", "%C0%AF", "%ED%A0%80", "A%E9B"])));
        }
        if ((name == "skus" || s.Type == "array") && ContractCatalogue.KnownMaxLength("sku") is { } skuLimit)
        {
            var itemLimit = s.Items?.MaxLength ?? (name == "skus" ? null : s.MaxLength);
            yield return Query(name, $"{name} holding one SKU one past the {skuLimit} characters stated for a SKU", itemLimit is null && name != "skus" ? Expect.NoFault : Expect.Refused, (r, q) =>
            {
                var first = q.FirstOrDefault(p => p.Key == name).Value ?? "X";
                var odd = r.LongAscii(skuLimit + 1);
                q.RemoveAll(p => p.Key == name);
                q.Add(new(name, name == "skus" ? first + "," + odd : odd));
            }, core: true);
        }
        if (name == "skus" || s.Type == "array")
        {
            yield return Query(name, $"{name} with far too many SKUs", Expect.Refused, (r, q) =>
            {
                var first = q.FirstOrDefault(p => p.Key == name).Value ?? "X";
                var count = r.Pick([1_001, 3_000]);
                q.RemoveAll(p => p.Key == name);
                if (s.Type == "array")
                {
                    q.AddRange(Enumerable.Range(0, count).Select(i => new KeyValuePair<string, string>(name, $"S{i}")));
                }
                else
                {
                    q.Add(new(name, string.Join(",", Enumerable.Range(0, count).Select(i => $"S{i}"))));
                }
            });
        }
        yield return Query(name, $"{name} under another spelling", Expect.NoFault, (_, q) =>
        {
            for (var i = 0; i < q.Count; i++)
            {
                if (q[i].Key == name)
                {
                    q[i] = new(name.ToUpperInvariant(), q[i].Value);
                }
            }
        });
    }

    private static void Set(List<KeyValuePair<string, string>> query, string name, string value)
    {
        query.RemoveAll(p => p.Key == name);
        query.Add(new(name, value));
    }

    private static Mutator Path(string name, string variant, Expect expect, Func<Random, string> value, bool core = false) =>
        Escaped(name, variant, expect, r => EscapeSegment(value(r)), core);

    private static Mutator Escaped(string name, string variant, Expect expect, Func<Random, string> escaped, bool core = false) =>
        new(variant, expect, (random, draft) =>
        {
            draft.PathValues[name] = escaped(random);
            return variant;
        }, name, core);

    private static Mutator Query(string name, string variant, Expect expect, Action<Random, List<KeyValuePair<string, string>>> change, bool core = false) =>
        new(variant, expect, (random, draft) =>
        {
            change(random, draft.Query);
            return variant;
        }, name, core);

    /// <summary>Percent-encodes every byte outside the unreserved set, as a careful client would.</summary>
    public static string EscapeSegment(string value)
    {
        var text = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            text.Append(b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9' or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~'
                ? ((char)b).ToString()
                : $"%{b:X2}");
        }
        return text.ToString();
    }
}
