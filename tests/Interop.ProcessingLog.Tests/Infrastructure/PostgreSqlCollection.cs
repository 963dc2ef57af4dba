using Interop.Testing.PostgreSql;

namespace Interop.ProcessingLog.Tests.Infrastructure;

/// <summary>The tests that share one PostgreSQL cluster, started once for the test run.</summary>
[CollectionDefinition(Name)]
public sealed class PostgreSqlCollection : ICollectionFixture<PostgreSqlCluster>
{
    public const string Name = "PostgreSQL";
}
