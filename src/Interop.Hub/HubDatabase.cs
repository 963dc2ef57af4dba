namespace Interop.Hub;

/// <summary>Where the hub keeps its SQLite database.</summary>
internal static class HubDatabase
{
    /// <summary>The configuration key, shared with the interop-admin tool so both open the same file.</summary>
    public const string PathKey = "Interop:Federation:DatabasePath";

    /// <summary>
    /// The configured path. A relative path is taken from the working directory, as interop-admin takes it, so both
    /// tools started from the repository root open the same file.
    /// </summary>
    public static string ResolvePath(IConfiguration configuration)
    {
        var path = configuration[PathKey];
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new InvalidOperationException($"Setting '{PathKey}' is required: the path of the hub's SQLite database.");
        }

        return Path.GetFullPath(path);
    }
}
