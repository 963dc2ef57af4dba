namespace Interop.Hub.Tests.Demo;

/// <summary><see cref="DemoRegionSeedTests{TFixture}"/> on PostgreSQL.</summary>
public sealed class DemoRegionSeedOnPostgreSqlTests(PostgreSqlDemoHub fixture) : DemoRegionSeedTests<PostgreSqlDemoHub>(fixture), IClassFixture<PostgreSqlDemoHub>;
