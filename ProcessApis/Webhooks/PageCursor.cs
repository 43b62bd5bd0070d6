using System.Globalization;
using System.Text;

namespace IntegrationGateway.ProcessApis.Webhooks;

/// <summary>Opaque page cursors: the position (and tie-breaker) of the last entry of the previous page.</summary>
public static class PageCursor
{
    public static string Encode(long position, string? tie = null) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"w1:{position.ToString(CultureInfo.InvariantCulture)}:{tie}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool TryDecode(string? cursor, out long position, out string tie)
    {
        position = long.MaxValue;
        tie = "";
        if (cursor is null)
        {
            return true;
        }
        try
        {
            var padded = cursor.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - padded.Length % 4) % 4);
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(padded)).Split(':', 3);
            if (parts is ["w1", var number, var rest] && long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out position) && position >= 0)
            {
                tie = rest;
                return true;
            }
        }
        catch (FormatException)
        {
        }
        position = long.MaxValue;
        return false;
    }
}
