using Interop.Testing.PostgreSql;

namespace Interop.Admin.Tests;

/// <summary>
/// The admin test classes: they share one PostgreSQL cluster and run one after the other, because some set the process
/// environment (INTEROP__STORAGE__PROVIDER, Interop__Federation__DatabasePath) the tool reads.
/// </summary>
[CollectionDefinition(Name)]
public sealed class AdminDatabaseCollection : ICollectionFixture<PostgreSqlCluster>
{
    public const string Name = "Admin databases";
}
