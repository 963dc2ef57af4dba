using Interop.Hub.Tests.Infrastructure;

namespace Interop.Hub.Tests.Referrals;

/// <summary>The reading and listing tests on SQLite.</summary>
public sealed class ReferralListOnSqliteTests(SqliteTwenteHub fixture) : ReferralListTests<SqliteTwenteHub>(fixture), IClassFixture<SqliteTwenteHub>;
