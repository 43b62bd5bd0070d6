using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace IntegrationGateway.TestSupport.Hostile;

/// <summary>Invalid variants of each body property: types, bounds, lengths, enums, formats, nulls, missing, duplicates, unicode.</summary>
public static class BodyMutations
{
    public static IEnumerable<Mutator> For(Schema body, JsonNode example)
    {
        foreach (var field in BodyField.All(body, example))
        {
            foreach (var mutator in ForField(field))
            {
                yield return mutator;
            }
        }
        foreach (var mutator in ForObjects(body, example))
        {
            yield return mutator;
        }
    }

    private static IEnumerable<Mutator> ForField(BodyField field)
    {
        var s = field.Schema;
        var at = field.Display;
        if (field.Required)
        {
            yield return Mutate($"{at} missing", field, (_, root, raw) => field.ParentIn(root).Remove(field.Name), core: true);
        }
        if (!field.Nullable)
        {
            yield return Mutate($"{at} null", field, (_, root, raw) => field.ParentIn(root)[field.Name] = raw.Value("null"));
        }
        foreach (var (name, text) in WrongValues.Types(s))
        {
            yield return Replace($"{at} {name}", field, _ => text, core: name is "number as string" or "integer for enum");
        }
        yield return Mutate($"{at} duplicate property", field, (random, root, raw) =>
        {
            var parent = field.ParentIn(root);
            var (first, second) = WrongValues.DuplicatePair(s, parent[field.Name], random);
            parent[field.Name] = raw.Value(first);
            parent[raw.Key(field.Name)] = raw.Value(second);
        }, core: true);
        var respelled = char.ToUpperInvariant(field.Name[0]) + field.Name[1..];
        yield return Mutate($"{at} under another spelling", field, (_, root, raw) =>
        {
            var parent = field.ParentIn(root);
            var value = parent[field.Name]?.DeepClone() ?? raw.Value("1");
            parent.Remove(field.Name);
            parent[raw.Key(respelled)] = value;
        }) with { Field = respelled };

        if (s.Type == "integer")
        {
            foreach (var (name, value) in WrongValues.OutOfBounds(s))
            {
                yield return Replace($"{at} {name}", field, _ => value);
            }
        }
        if (s.Type == "string" && s.Enum.Count == 0 && s.Format is null)
        {
            foreach (var mutator in ForText(field))
            {
                yield return mutator;
            }
        }
        if (s.Enum.Count > 0)
        {
            yield return Replace($"{at} unknown enum value", field, r => RawJson.String(r.Pick(["bogus", "", s.Enum[0] + "x", " " + s.Enum[0], "*"])), core: true);
            yield return Replace($"{at} enum value in another case", field, _ => RawJson.String(s.Enum[0].ToUpperInvariant()));
            yield return Replace($"{at} enum member name", field, _ => RawJson.String(string.Concat(s.Enum[0].Split('-').Select(p => char.ToUpperInvariant(p[0]) + p[1..]))));
        }
        if (s.Format == "date-time")
        {
            yield return Replace($"{at} not a date-time", field, r => RawJson.String(r.Pick(["not-a-date", "2026-02-30T00:00:00Z", "2026-13-01", "yesterday", "1700000000", "2026-01-01T25:00:00Z"])));
        }
        if (s.Type == "array")
        {
            foreach (var mutator in ForArray(field))
            {
                yield return mutator;
            }
        }
    }

    private static IEnumerable<Mutator> ForText(BodyField field)
    {
        var s = field.Schema;
        var at = field.Display;
        var max = s.MaxLength ?? ContractCatalogue.KnownMaxLength(field.Name);
        if (max is { } limit)
        {
            yield return Replace($"{at} one past maxLength {limit}", field, r => RawJson.String(r.Long(limit + 1)), core: true);
        }
        yield return Replace($"{at} very long", field, r => RawJson.String(r.Long(r.Pick([5_000, 70_000, 300_000]))), expect: max is null ? Expect.NoFault : Expect.Refused);
        if (s.MinLength is > 0)
        {
            yield return Replace($"{at} empty", field, _ => "\"\"");
        }
        if (s.Pattern is { } pattern)
        {
            yield return Replace($"{at} not matching {pattern}", field, r =>
            {
                var candidates = new[] { "UPPER", "a b", "../x", "x_y", new string('a', 40), "é", "" }.Where(c => !Regex.IsMatch(c, pattern)).ToArray();
                return RawJson.String(r.Pick(candidates));
            });
        }
        yield return Replace($"{at} lone surrogate", field, r => "\"" + r.Pick(HostileValues.LoneSurrogateEscapes) + "\"", core: true);
        // Odd but possibly valid text: a refusal is fine, a fault never.
        yield return Replace($"{at} unicode edge", field, r => RawJson.String(r.Pick(HostileValues.Unicode)), expect: Expect.NoFault);
        yield return Replace($"{at} injection", field, r => RawJson.String(r.Pick(HostileValues.Injection)), expect: Expect.NoFault);
    }

    private static IEnumerable<Mutator> ForArray(BodyField field)
    {
        var s = field.Schema;
        var at = field.Display;
        if (s.MinItems is > 0)
        {
            yield return Replace($"{at} empty array", field, _ => "[]");
        }
        if (s.MaxItems is { } max)
        {
            yield return Mutate($"{at} {max + 1} items (maxItems {max})", field, (_, root, raw) => Repeat(field, root, max + 1));
        }
        yield return Mutate($"{at} huge array", field, (r, root, raw) => Repeat(field, root, r.Pick([5_000, 20_000])));
        yield return Mutate($"{at} null item", field, (_, root, raw) => field.ValueIn(root)!.AsArray().Add(raw.Value("null")));
        yield return Mutate($"{at} nested array item", field, (_, root, raw) =>
        {
            var array = field.ValueIn(root) as JsonArray ?? [];
            field.ParentIn(root)[field.Name] = raw.Value("[" + array.ToJsonString() + "]");
        });
    }

    private static void Repeat(BodyField field, JsonNode root, int count)
    {
        var first = (field.ValueIn(root) as JsonArray)?.FirstOrDefault()?.DeepClone() ?? JsonValue.Create("x");
        field.ParentIn(root)[field.Name] = new JsonArray(Enumerable.Range(0, count).Select(_ => first.DeepClone()).ToArray());
    }

    /// <summary>Whole-object variants at every object level: an unknown property, a property given twice under different case.</summary>
    private static IEnumerable<Mutator> ForObjects(Schema body, JsonNode example)
    {
        yield return new Mutator("unknown property at the root", body.ClosedObject ? Expect.Refused : Expect.NoFault, (_, draft) =>
        {
            var raw = new RawJson();
            var root = draft.BodyNode!.DeepClone();
            root.AsObject()["unexpectedField"] = raw.Value("1");
            draft.BodyText = raw.Write(root);
            return "added \"unexpectedField\": 1";
        });
        foreach (var field in BodyField.All(body, example).Where(f => f.Path.Count > 1 && f.Path[^2] is int))
        {
            yield return new Mutator($"unknown property in {string.Join('.', field.Path.Take(field.Path.Count - 1))}", Expect.Refused, (_, draft) =>
            {
                var raw = new RawJson();
                var root = draft.BodyNode!.DeepClone();
                field.ParentIn(root)["unexpectedField"] = raw.Value("true");
                draft.BodyText = raw.Write(root);
                return "added \"unexpectedField\": true";
            });
            break;
        }
    }

    private static Mutator Replace(string name, BodyField field, Func<Random, string> raw, bool core = false, Expect expect = Expect.Refused) =>
        Mutate(name, field, (r, root, json) => field.ParentIn(root)[field.Name] = json.Value(raw(r)), core, expect);

    private static Mutator Mutate(string name, BodyField field, Action<Random, JsonNode, RawJson> change, bool core = false, Expect expect = Expect.Refused) =>
        new(name, expect, Apply(name, change), field.Display, core, Kind: name[(field.Display.Length + 1)..].Split(" (")[0]);

    private static Func<Random, RequestDraft, string> Apply(string name, Action<Random, JsonNode, RawJson> change) =>
        (random, draft) =>
        {
            var raw = new RawJson();
            var root = draft.BodyNode!.DeepClone();
            change(random, root, raw);
            draft.BodyText = raw.Write(root);
            return name;
        };
}
