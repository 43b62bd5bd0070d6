using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace IntegrationGateway.ExperienceApis.Marketplace;

/// <summary>
/// The opaque feed cursor: the process's feed version for one channel. Naming the channel keeps one
/// marketplace's cursor from being read as a version of another's feed; the format prefix lets it change later.
/// </summary>
public static class FeedCursor
{
    private const string Format = "f1";

    public static string Encode(string channel, long version) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{Format}:{version.ToString(CultureInfo.InvariantCulture)}:{channel}"));

    /// <summary>The version the cursor names, or false when it is malformed or another channel's.</summary>
    public static bool TryDecode(string cursor, string channel, out long version)
    {
        version = 0;
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(cursor);
        }
        catch (FormatException)
        {
            return false;
        }
        var parts = Encoding.UTF8.GetString(bytes).Split(':', 3);
        return parts.Length == 3 && parts[0] == Format && parts[2] == channel
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out version) && version >= 1;
    }
}
