namespace Interop.Hub.Demo;

/// <summary>The synthetic demo region (section <c>Interop:Demo</c>); see <see cref="DemoRegionSeeder"/>.</summary>
public sealed class DemoOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Interop:Demo";

    /// <summary>
    /// Registers the demo region (<see cref="DemoRegion"/>) at start when the registry is empty. Defaults to false;
    /// the repository's appsettings.json sets it, so the README's run command gives a hub to call at once.
    /// </summary>
    public bool SeedWhenEmpty { get; set; }

    /// <summary>
    /// Where the demo clients' private keys are written (one PEM per client, mode 0600). Defaults to
    /// <c>demo-keys</c> next to the SQLite database (<c>Interop:Federation:DatabasePath</c>, by default
    /// ~/.local/share/interop), never inside the repository.
    /// </summary>
    public string? KeyDirectory { get; set; }
}
