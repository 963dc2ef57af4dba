using System.Globalization;

namespace Interop.Testing.PostgreSql.Internal;

/// <summary>Where the PostgreSQL server programs are, and which OS user must run them.</summary>
internal sealed class PostgreSqlInstallation
{
    /// <summary>Debian's postgresql package creates this user; the server refuses to run as root.</summary>
    public const string ServiceUser = "postgres";

    private const string InstallAdvice =
        "Install Debian's PostgreSQL 15 with 'sudo apt-get update && sudo apt-get install -y postgresql', or run tests/run.sh, " +
        "which installs it; or point PG_BIN at the folder that holds initdb, postgres and pg_ctl.";

    private PostgreSqlInstallation(string binDirectory, bool runAsServiceUser)
    {
        BinDirectory = binDirectory;
        RunAsServiceUser = runAsServiceUser;
    }

    /// <summary>The folder holding initdb, postgres and pg_ctl.</summary>
    public string BinDirectory { get; }

    /// <summary>True when the tests run as root, so every server program runs as <see cref="ServiceUser"/> instead.</summary>
    public bool RunAsServiceUser { get; }

    public string InitDb => Path.Combine(BinDirectory, "initdb");

    public string Postgres => Path.Combine(BinDirectory, "postgres");

    public string PgCtl => Path.Combine(BinDirectory, "pg_ctl");

    /// <summary>Finds the binaries (PG_BIN, then version 15, then the newest installed) or fails with install advice.</summary>
    public static PostgreSqlInstallation Find()
    {
        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => (Directory: d, Version: int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0))
                .OrderByDescending(d => d.Version)
                .Select(d => Path.Combine(d.Directory, "bin"))
            : Enumerable.Empty<string>();
        var candidates = new[] { Environment.GetEnvironmentVariable("PG_BIN"), "/usr/lib/postgresql/15/bin" }.Concat(installed);
        var bin = candidates.FirstOrDefault(d =>
            !string.IsNullOrEmpty(d) && new[] { "initdb", "postgres", "pg_ctl" }.All(p => File.Exists(Path.Combine(d, p))))
            ?? throw new InvalidOperationException("PostgreSQL is not installed, and the PostgreSQL storage tests need a real server (they never skip). " + InstallAdvice);

        var asRoot = IsRoot();
        if (asRoot && !ProcessRunner.UserExists(ServiceUser))
        {
            throw new InvalidOperationException(
                $"The tests run as root, and PostgreSQL refuses to run as root; the '{ServiceUser}' OS user it should run as is missing. " + InstallAdvice);
        }

        return new PostgreSqlInstallation(bin, asRoot);
    }

    /// <summary>The effective uid is the second field of the Uid line of /proc/self/status.</summary>
    private static bool IsRoot()
    {
        var uid = File.ReadLines("/proc/self/status").First(l => l.StartsWith("Uid:", StringComparison.Ordinal))
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)[2];
        return uid == "0";
    }
}
