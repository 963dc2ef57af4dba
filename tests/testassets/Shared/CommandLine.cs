namespace InteropTestAssets;

/// <summary>Splits interop-style flags: <c>--name=value</c>, <c>--name value</c>, or a bare <c>--name</c> meaning true.</summary>
internal static class CommandLine
{
    public static IEnumerable<(string Name, string Value)> Split(string[] args, List<string> errors)
    {
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                errors.Add($"'{arg}' is not a --flag.");
                continue;
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                yield return (arg[2..equals], arg[(equals + 1)..]);
            }
            else if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                yield return (arg[2..], args[++i]);
            }
            else
            {
                yield return (arg[2..], "true");
            }
        }
    }
}
