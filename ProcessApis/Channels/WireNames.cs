using System.Reflection;
using System.Text.Json.Serialization;

namespace IntegrationGateway.ProcessApis.Channels;

/// <summary>Contract enums as their wire names ("highest-stock"), which is also how the store keeps them.</summary>
public static class WireNames
{
    public static string Of<T>(T value) where T : struct, Enum =>
        typeof(T).GetField(value.ToString())?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? value.ToString();

    public static T Parse<T>(string name) where T : struct, Enum =>
        Enum.GetValues<T>().FirstOrDefault(v => string.Equals(Of(v), name, StringComparison.Ordinal));
}
