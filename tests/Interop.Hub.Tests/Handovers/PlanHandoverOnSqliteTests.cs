using Interop.Hub.Tests.Infrastructure;

namespace Interop.Hub.Tests.Handovers;

/// <summary>The plan and handover facts on SQLite.</summary>
public sealed class PlanHandoverOnSqliteTests(SqliteTwenteHub fixture) : PlanHandoverTests<SqliteTwenteHub>(fixture), IClassFixture<SqliteTwenteHub>;
