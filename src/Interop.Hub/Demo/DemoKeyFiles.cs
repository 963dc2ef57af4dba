namespace Interop.Hub.Demo;

/// <summary>The demo clients' private keys on disk: one PEM per client, readable by its owner only.</summary>
internal sealed class DemoKeyFiles(string directory)
{
    /// <summary>The folder holding the keys.</summary>
    public string Directory { get; } = Path.GetFullPath(directory);

    /// <summary>The private key file of <paramref name="clientId"/>.</summary>
    public string PathOf(string clientId) => Path.Combine(Directory, clientId + ".pem");

    /// <summary>
    /// The git working tree holding <see cref="Directory"/>, or null. Private keys must never land where a
    /// <c>git add -A</c> could commit them.
    /// </summary>
    public string? EnclosingRepository()
    {
        for (var folder = new DirectoryInfo(Directory); folder is not null; folder = folder.Parent)
        {
            var marker = Path.Combine(folder.FullName, ".git");
            if (System.IO.Directory.Exists(marker) || File.Exists(marker))
            {
                return folder.FullName;
            }
        }

        return null;
    }

    /// <summary>
    /// Writes a new private key to a temporary file created with mode 0600 (never readable by others, not even
    /// briefly); <see cref="Commit"/> moves it into place once the registry holds the matching public key.
    /// </summary>
    public async Task<string> WritePendingAsync(string clientId, string privateKeyPem, CancellationToken cancellationToken)
    {
        if (OperatingSystem.IsWindows())
        {
            System.IO.Directory.CreateDirectory(Directory);
        }
        else
        {
            System.IO.Directory.CreateDirectory(Directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var pending = PathOf(clientId) + ".pending-" + Guid.NewGuid().ToString("N");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using (var writer = new StreamWriter(pending, options))
        {
            await writer.WriteAsync(privateKeyPem.AsMemory(), cancellationToken).ConfigureAwait(false);
        }

        return pending;
    }

    /// <summary>Moves a pending key into place, replacing a key of an earlier registry (the registry is the truth).</summary>
    public void Commit(string pending, string clientId) => File.Move(pending, PathOf(clientId), overwrite: true);

    /// <summary>Removes a pending key that was not registered.</summary>
    public static void Discard(string pending) => File.Delete(pending);
}
