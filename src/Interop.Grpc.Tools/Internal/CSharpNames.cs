using System.Text;
using Google.Protobuf.Reflection;

namespace Interop.Grpc.Tools.Internal;

/// <summary>
/// The C# names protoc's C# generator (src/google/protobuf/compiler/csharp/csharp_helpers.cc) gives to files,
/// namespaces and messages, so generated services refer to the message classes it wrote.
/// </summary>
internal static class CSharpNames
{
    private static readonly HashSet<string> Keywords =
    [
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
    ];

    /// <summary>
    /// protoc's UnderscoresToCamelCase: letters after a separator or a digit are capitalised, separators dropped
    /// (a '.' kept when <paramref name="preservePeriod"/>), a leading capital lowered unless
    /// <paramref name="capitalizeFirst"/>.
    /// </summary>
    public static string UnderscoresToCamelCase(string input, bool capitalizeFirst, bool preservePeriod = false)
    {
        var result = new StringBuilder(input.Length);
        var capitalizeNext = capitalizeFirst;
        for (var i = 0; i < input.Length; i++)
        {
            var c = input[i];
            if (c is >= 'a' and <= 'z')
            {
                result.Append(capitalizeNext ? char.ToUpperInvariant(c) : c);
                capitalizeNext = false;
            }
            else if (c is >= 'A' and <= 'Z')
            {
                result.Append(i == 0 && !capitalizeNext ? char.ToLowerInvariant(c) : c);
                capitalizeNext = false;
            }
            else if (c is >= '0' and <= '9')
            {
                result.Append(c);
                capitalizeNext = true;
            }
            else
            {
                capitalizeNext = true;
                if (c == '.' && preservePeriod)
                {
                    result.Append('.');
                }
            }
        }

        if (input.Length > 0 && input[^1] == '#')
        {
            result.Append('_');
        }

        return result.ToString();
    }

    /// <summary>protoc's UnderscoresToPascalCase.</summary>
    public static string ToPascalCase(string input) => UnderscoresToCamelCase(input, capitalizeFirst: true);

    /// <summary>The file's base name in PascalCase: <c>grpc/testing/test_options.proto</c> gives <c>TestOptions</c>.</summary>
    public static string FileNameBase(string protoFileName)
    {
        var slash = protoFileName.LastIndexOf('/');
        var baseName = slash < 0 ? protoFileName : protoFileName[(slash + 1)..];
        if (baseName.EndsWith(".protodevel", StringComparison.Ordinal))
        {
            baseName = baseName[..^".protodevel".Length];
        }
        else if (baseName.EndsWith(".proto", StringComparison.Ordinal))
        {
            baseName = baseName[..^".proto".Length];
        }

        return ToPascalCase(baseName);
    }

    /// <summary>The C# namespace of a file: <c>csharp_namespace</c>, else the package in PascalCase per segment.</summary>
    public static string Namespace(string package, string? csharpNamespace) =>
        csharpNamespace ?? UnderscoresToCamelCase(package, capitalizeFirst: true, preservePeriod: true);

    /// <summary>The C# namespace protoc's C# generator uses for <paramref name="file"/>.</summary>
    public static string Namespace(FileDescriptor file)
    {
        var options = file.GetOptions();
        return Namespace(file.Package, options is not null && options.HasCsharpNamespace ? options.CsharpNamespace : null);
    }

    /// <summary>The reflection class holding the file descriptor: <c>test.proto</c> gives <c>TestReflection</c>.</summary>
    public static string ReflectionClassName(string protoFileName) => FileNameBase(protoFileName) + "Reflection";

    /// <summary>The fully qualified reflection class of <paramref name="file"/>, with <c>global::</c>.</summary>
    public static string QualifiedReflectionClassName(FileDescriptor file) =>
        Qualify(Namespace(file), ReflectionClassName(file.Name));

    /// <summary>
    /// The C# name of a message relative to its file's namespace: nested types live in the enclosing
    /// message's <c>Types</c> class, so <c>Outer.Inner</c> becomes <c>Outer.Types.Inner</c>.
    /// </summary>
    public static string NestedTypeName(string fullName, string package)
    {
        var relative = package.Length > 0 && fullName.StartsWith(package + ".", StringComparison.Ordinal)
            ? fullName[(package.Length + 1)..]
            : fullName;
        return relative.Replace(".", ".Types.", StringComparison.Ordinal);
    }

    /// <summary>The fully qualified C# class of a message, with <c>global::</c>.</summary>
    public static string QualifiedTypeName(MessageDescriptor message) =>
        Qualify(Namespace(message.File), NestedTypeName(message.FullName, message.File.Package));

    /// <summary>Prefixes a C# keyword with <c>@</c> so it can be used as an identifier.</summary>
    public static string EscapeKeyword(string identifier) => Keywords.Contains(identifier) ? "@" + identifier : identifier;

    private static string Qualify(string ns, string name) => ns.Length == 0 ? "global::" + name : "global::" + ns + "." + name;
}
