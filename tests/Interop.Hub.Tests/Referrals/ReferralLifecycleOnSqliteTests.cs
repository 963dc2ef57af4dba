using Interop.Hub.Tests.Infrastructure;

namespace Interop.Hub.Tests.Referrals;

/// <summary>The lifecycle tests on SQLite.</summary>
public sealed class ReferralLifecycleOnSqliteTests(SqliteTwenteHub fixture) : ReferralLifecycleTests<SqliteTwenteHub>(fixture), IClassFixture<SqliteTwenteHub>;
