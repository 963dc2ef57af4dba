using Interop.Hub.Tests.Infrastructure;

namespace Interop.Hub.Tests.Referrals;

/// <summary>The access tests on SQLite.</summary>
public sealed class ReferralAccessOnSqliteTests(SqliteTwenteHub fixture) : ReferralAccessTests<SqliteTwenteHub>(fixture), IClassFixture<SqliteTwenteHub>;
