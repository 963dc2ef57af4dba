using Interop.Hub.Tests.Infrastructure;

namespace Interop.Hub.Tests.Referrals;

/// <summary>The submission tests on SQLite.</summary>
public sealed class ReferralSubmitOnSqliteTests(SqliteTwenteHub fixture) : ReferralSubmitTests<SqliteTwenteHub>(fixture), IClassFixture<SqliteTwenteHub>;
