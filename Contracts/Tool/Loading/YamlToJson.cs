using System.Globalization;
using System.Text.Json.Nodes;
using SharpYaml;
using SharpYaml.Serialization;

namespace IntegrationGateway.ContractTool.Loading;

/// <summary>
/// YAML to JSON nodes with YAML 1.2 core-schema scalars (plain true/false/null/numbers; quoted text stays text),
/// the way the OpenAPI reader reads YAML, so both formats go through one JSON pre-pass.
/// </summary>
internal static class YamlToJson
{
    public static JsonNode? Convert(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents.Count == 0 ? null : Node(stream.Documents[0].RootNode);
    }

    private static JsonNode? Node(YamlNode node) => node switch
    {
        YamlMappingNode map => Mapping(map),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(Node).ToArray()),
        YamlScalarNode scalar => Scalar(scalar),
        _ => null,
    };

    private static JsonObject Mapping(YamlMappingNode map)
    {
        var json = new JsonObject();
        foreach (var (key, value) in map.Children)
        {
            // A repeated key keeps the last value, as most YAML readers do.
            json[(key as YamlScalarNode)?.Value ?? key.ToString() ?? ""] = Node(value);
        }
        return json;
    }

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? "";
        if (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded)
        {
            return JsonValue.Create(value);
        }
        return value switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => JsonValue.Create(true),
            "false" or "False" or "FALSE" => JsonValue.Create(false),
            _ when long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer) => JsonValue.Create(integer),
            _ when IsDecimal(value) && decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
            _ => JsonValue.Create(value),
        };
    }

    // Only what YAML 1.2 calls a float: "1e3" and "-2.5" are numbers, "1.0.0" and ".inf" are not for our purposes.
    private static bool IsDecimal(string value) =>
        value.Length > 0 && (char.IsAsciiDigit(value[0]) || value[0] is '-' or '+' or '.') && value.All(c => char.IsAsciiDigit(c) || c is '.' or 'e' or 'E' or '-' or '+');
}
