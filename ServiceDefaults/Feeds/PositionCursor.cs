using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace IntegrationGateway.ServiceDefaults.Feeds;

/// <summary>
/// The opaque after-cursor of a feed page (the ledger, the ERP's stock events, the process API's events): the last
/// position it returned, versioned so the format can change without old cursors being misread. Positions only grow
/// and commit in order, so resuming after one never skips or repeats a row.
/// </summary>
public static class PositionCursor
{
    private const string Prefix = "v1:";

    public static string Encode(long lastId) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Prefix + lastId.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The id to resume after; 0 (before the first row) when there is no cursor; false when it is not ours.</summary>
    public static bool TryDecode(string? cursor, out long lastId)
    {
        lastId = 0;
        if (cursor is null)
        {
            return true;
        }
        if (cursor.Length is 0 or > 64 || !Base64Url.IsValid(cursor))
        {
            return false;
        }
        var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
        return text.StartsWith(Prefix, StringComparison.Ordinal)
            && long.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out lastId);
    }
}
