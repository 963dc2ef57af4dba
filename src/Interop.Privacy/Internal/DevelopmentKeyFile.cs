using System.Security.Cryptography;
using Microsoft.Extensions.Logging;

namespace Interop.Privacy.Internal;

/// <summary>
/// The embedded development default: a random key generated once into a file readable only by its owner (0600),
/// reused on every later start.
/// </summary>
internal static class DevelopmentKeyFile
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OtherAccess = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>Reads the key at <paramref name="path"/>, creating it with <paramref name="size"/> random bytes first if absent.</summary>
    public static byte[] GetOrCreate(string path, int size, ILogger logger)
    {
        if (!File.Exists(path))
        {
            TryCreate(path, size, logger);
        }

        WarnIfOpen(path, logger);
        return KeyMaterial.TryReadFile(path, size, size, out var key, out var error)
            ? key
            : throw new InvalidOperationException($"The development key file {error}. Delete it to generate a new one (what it protected is then lost), or configure {PrivacyOptions.SectionName}.");
    }

    /// <summary>Logs a warning when group or others may access a key file.</summary>
    public static void WarnIfOpen(string path, ILogger logger)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var mode = File.GetUnixFileMode(path);
        if ((mode & OtherAccess) != 0)
        {
            PrivacyLog.KeyFileTooOpen(logger, path, mode);
        }
    }

    private static void TryCreate(string path, int size, ILogger logger)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        // Written to a private temporary file and moved into place without overwrite, so two processes starting at
        // once never see a half-written key and never replace a key the other already uses.
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        try
        {
            var key = RandomNumberGenerator.GetBytes(size);
            using (var writer = new StreamWriter(new FileStream(temporary, options)))
            {
                writer.WriteLine(Convert.ToBase64String(key));
            }

            CryptographicOperations.ZeroMemory(key);
            File.Move(temporary, path, overwrite: false);
            PrivacyLog.GeneratedDevelopmentKey(logger, path);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first: use theirs.
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
