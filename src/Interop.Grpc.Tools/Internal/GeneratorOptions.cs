namespace Interop.Grpc.Tools.Internal;

/// <summary>The plugin parameter (<c>--interop_opt=no_client,internal_access</c>), validated as a whole.</summary>
internal sealed record GeneratorOptions(bool GenerateServer, bool GenerateClient, bool InternalAccess)
{
    public static GeneratorOptions Parse(string parameter, List<string> errors)
    {
        bool server = true, client = true, internalAccess = false;
        foreach (var raw in parameter.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            switch (raw)
            {
                case "no_server":
                    server = false;
                    break;
                case "no_client":
                    client = false;
                    break;
                case "internal_access":
                    internalAccess = true;
                    break;
                default:
                    errors.Add($"unknown option '{raw}' (known: no_server, no_client, internal_access)");
                    break;
            }
        }

        return new GeneratorOptions(server, client, internalAccess);
    }
}
