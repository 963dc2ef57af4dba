using Google.Protobuf.Reflection;

namespace Interop.Grpc.Tools.Internal;

/// <summary>Turns the leading comment of a proto element (SourceCodeInfo) into an XML doc <c>summary</c>.</summary>
internal static class DocComments
{
    /// <summary>The lines of a summary (without <c>///</c>), or none when the element has no leading comment.</summary>
    public static IReadOnlyList<string> SummaryLines(string? leadingComments)
    {
        if (string.IsNullOrWhiteSpace(leadingComments))
        {
            return [];
        }

        var lines = leadingComments.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .Select(line => EscapeXml(line.TrimEnd()))
            .ToList();
        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        while (lines.Count > 0 && lines[0].Length == 0)
        {
            lines.RemoveAt(0);
        }

        return lines;
    }

    /// <summary>Writes the summary of <paramref name="descriptor"/>, or <paramref name="fallback"/> when it has no comment.</summary>
    public static void Write(CodeWriter writer, IDescriptor descriptor, string? fallback = null)
    {
        var lines = SummaryLines(LeadingComments(descriptor));
        if (lines.Count == 0)
        {
            if (fallback is not null)
            {
                writer.Line("/// <summary>" + EscapeXml(fallback) + "</summary>");
            }

            return;
        }

        writer.Line("/// <summary>");
        foreach (var line in lines)
        {
            writer.Line(line.Length == 0 ? "///" : "///" + line);
        }

        writer.Line("/// </summary>");
    }

    /// <summary>Escapes the three characters that would break the XML of a doc comment.</summary>
    public static string EscapeXml(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal);

    private static string? LeadingComments(IDescriptor descriptor) => descriptor switch
    {
        ServiceDescriptor service => service.Declaration?.LeadingComments,
        MethodDescriptor method => method.Declaration?.LeadingComments,
        _ => null,
    };
}
