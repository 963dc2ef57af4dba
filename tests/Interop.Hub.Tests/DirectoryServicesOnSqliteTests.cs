using Interop.Hub.Tests.Infrastructure;

namespace Interop.Hub.Tests;

/// <summary><see cref="DirectoryServicesTests{TFixture}"/> on SQLite.</summary>
public sealed class DirectoryServicesOnSqliteTests(SqliteTwenteHub fixture) : DirectoryServicesTests<SqliteTwenteHub>(fixture), IClassFixture<SqliteTwenteHub>;
