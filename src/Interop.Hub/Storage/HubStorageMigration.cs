namespace Interop.Hub.Storage;

/// <summary>Brings the schema up to date before the hub serves its first call, so a broken database stops the start.</summary>
internal sealed class HubStorageMigration(HubDatabase database) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => database.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
