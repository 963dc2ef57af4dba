using Interop.Hub.Tests.Infrastructure;

namespace Interop.Hub.Tests.Handovers;

/// <summary>The plan and handover facts on PostgreSQL.</summary>
public sealed class PlanHandoverOnPostgreSqlTests(PostgreSqlTwenteHub fixture) : PlanHandoverTests<PostgreSqlTwenteHub>(fixture), IClassFixture<PostgreSqlTwenteHub>;
