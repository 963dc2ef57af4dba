namespace Interop.Hub.Tests.Infrastructure;

/// <summary>The hub's storage providers; hub tests run on both.</summary>
public enum StorageProvider
{
    Sqlite,
    PostgreSql,
}
