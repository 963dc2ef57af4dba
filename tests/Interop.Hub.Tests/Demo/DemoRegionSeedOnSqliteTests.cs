namespace Interop.Hub.Tests.Demo;

/// <summary><see cref="DemoRegionSeedTests{TFixture}"/> on SQLite.</summary>
public sealed class DemoRegionSeedOnSqliteTests(SqliteDemoHub fixture) : DemoRegionSeedTests<SqliteDemoHub>(fixture), IClassFixture<SqliteDemoHub>;
