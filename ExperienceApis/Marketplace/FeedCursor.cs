using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace IntegrationGateway.ExperienceApis.Marketplace;

/// <summary>
/// The opaque feed cursor: the events feed position a feed answer was as new as, for one channel ("f2"). Naming the
/// channel keeps one marketplace's cursor from being read as another's; "f1" cursors (process feed versions, before
/// the feed came from events) are still recognised, so their holders get the whole feed once.
/// </summary>
public static class FeedCursor
{
    private const string Format = "f2";
    private const string VersionFormat = "f1";

    public static string Encode(string channel, long position) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{Format}:{position.ToString(CultureInfo.InvariantCulture)}:{channel}"));

    /// <summary>The position the cursor names (current: an f2 cursor), or false when it is malformed or another channel's.</summary>
    public static bool TryDecode(string cursor, string channel, out long position, out bool current)
    {
        position = 0;
        current = false;
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
        current = parts.Length == 3 && parts[0] == Format;
        return parts.Length == 3 && parts[0] is Format or VersionFormat && parts[2] == channel
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out position) && position >= 0;
    }
}
