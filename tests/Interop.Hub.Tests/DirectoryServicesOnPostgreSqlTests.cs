using Interop.Hub.Tests.Infrastructure;

namespace Interop.Hub.Tests;

/// <summary><see cref="DirectoryServicesTests{TFixture}"/> on PostgreSQL.</summary>
public sealed class DirectoryServicesOnPostgreSqlTests(PostgreSqlTwenteHub fixture) : DirectoryServicesTests<PostgreSqlTwenteHub>(fixture), IClassFixture<PostgreSqlTwenteHub>;
