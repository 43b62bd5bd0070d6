using System.Text;

namespace IntegrationGateway.ProcessApis.Tests.Structure;

/// <summary>
/// C# source with comments and string and character literals blanked out (line breaks kept), so a folder or type name
/// in a doc comment, an SQL text or a problem message is not read as a reference to it.
/// </summary>
public static class CodeText
{
    public static string Of(string source)
    {
        var code = new StringBuilder(source.Length);
        var i = 0;
        while (i < source.Length)
        {
            var end = LiteralOrCommentEnd(source, i);
            if (end == i)
            {
                code.Append(source[i++]);
                continue;
            }
            for (; i < end; i++)
            {
                code.Append(source[i] == '\n' ? '\n' : ' ');
            }
        }
        return code.ToString();
    }

    /// <summary>Where the comment or literal starting at <paramref name="i"/> ends; <paramref name="i"/> itself when none starts there.</summary>
    private static int LiteralOrCommentEnd(string s, int i)
    {
        var next = i + 1 < s.Length ? s[i + 1] : '\0';
        switch (s[i])
        {
            case '/' when next == '/':
                return Before(s, "\n", i + 2);
            case '/' when next == '*':
                return After(s, "*/", i + 2);
            case '\'':
                return QuotedEnd(s, i + 1, '\'', verbatim: false);
            case '"':
                var quotes = 0;
                while (i + quotes < s.Length && s[i + quotes] == '"')
                {
                    quotes++;
                }
                var verbatim = IsVerbatim(s, i);
                if (quotes >= 3 && !verbatim)
                {
                    // A raw string literal ends at the same run of quotes it started with.
                    return After(s, new string('"', quotes), i + quotes);
                }
                return quotes == 2 && !verbatim ? i + 2 : QuotedEnd(s, i + 1, '"', verbatim);
            default:
                return i;
        }
    }

    /// <summary>An '@' among the prefixes ('$', '@') just before the opening quote.</summary>
    private static bool IsVerbatim(string s, int quote)
    {
        for (var j = quote - 1; j >= 0 && s[j] is '$' or '@'; j--)
        {
            if (s[j] == '@')
            {
                return true;
            }
        }
        return false;
    }

    private static int QuotedEnd(string s, int from, char quote, bool verbatim)
    {
        for (var j = from; j < s.Length; j++)
        {
            if (!verbatim && s[j] == '\\')
            {
                j++;
            }
            else if (s[j] == quote)
            {
                if (verbatim && j + 1 < s.Length && s[j + 1] == quote)
                {
                    j++;
                    continue;
                }
                return j + 1;
            }
        }
        return s.Length;
    }

    private static int Before(string s, string value, int from)
    {
        var at = s.IndexOf(value, from, StringComparison.Ordinal);
        return at < 0 ? s.Length : at;
    }

    private static int After(string s, string value, int from)
    {
        var at = s.IndexOf(value, from, StringComparison.Ordinal);
        return at < 0 ? s.Length : at + value.Length;
    }
}
