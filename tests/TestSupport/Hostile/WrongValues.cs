using System.Globalization;
using System.Text.Json.Nodes;

namespace IntegrationGateway.TestSupport.Hostile;

/// <summary>Raw JSON values that break a property's schema: another type, out of bounds, or a second value for a duplicate.</summary>
public static class WrongValues
{
    /// <summary>JSON of another type than the schema says: numbers as strings, integers for enums, objects for text.</summary>
    public static IEnumerable<(string Name, string Json)> Types(Schema s)
    {
        switch (s.Type)
        {
            case "integer":
                yield return ("number as string", "\"1\"");
                yield return ("fraction", "1.5");
                yield return ("boolean", "true");
                yield return ("object", "{}");
                yield return ("array", "[1]");
                yield return ("word", "\"many\"");
                break;
            case "boolean":
                yield return ("boolean as string", "\"true\"");
                yield return ("number", "1");
                yield return ("word", "\"yes\"");
                break;
            case "array":
                yield return ("string", "\"x\"");
                yield return ("object", "{}");
                yield return ("number", "7");
                break;
            case "object":
                yield return ("string", "\"x\"");
                yield return ("array", "[]");
                break;
            default:
                if (s.Enum.Count > 0)
                {
                    yield return ("integer for enum", "0");
                    yield return ("out-of-range integer for enum", "99");
                }
                else
                {
                    yield return ("number", "12345");
                }
                yield return ("boolean for string", "false");
                yield return ("object for string", "{\"a\":1}");
                yield return ("array for string", "[\"x\"]");
                break;
        }
    }

    public static IEnumerable<(string Name, string Json)> OutOfBounds(Schema s)
    {
        if (s.Minimum is { } min)
        {
            yield return ($"below minimum {min}", (min - 1).ToString(CultureInfo.InvariantCulture));
        }
        if (s.Maximum is { } max)
        {
            yield return ($"above maximum {max}", (max + 1).ToString(CultureInfo.InvariantCulture));
        }
        yield return ("int32 overflow", s.Format == "int64" ? "9223372036854775808" : "2147483648");
        yield return ("huge exponent", "1e400");
        yield return ("negative overflow", "-99999999999999999999");
    }

    /// <summary>Two values for a property given twice: for integers the issue's own case, the largest int32 then 1.</summary>
    public static (string First, string Second) DuplicatePair(Schema s, JsonNode? current, Random random)
    {
        var here = current?.ToJsonString() ?? "null";
        return s.Type switch
        {
            "integer" => random.Next(2) == 0 ? ("2147483647", here) : (here, "1"),
            "boolean" => ("true", "false"),
            "array" or "object" => (here, here),
            _ when s.Enum.Count > 1 => (RawJson.String(s.Enum[0]), RawJson.String(s.Enum[1])),
            _ => (here, RawJson.String("other-" + random.Next(1000))),
        };
    }
}
