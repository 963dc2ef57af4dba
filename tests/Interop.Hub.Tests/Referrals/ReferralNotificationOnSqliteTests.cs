using Interop.Hub.Tests.Infrastructure;

namespace Interop.Hub.Tests.Referrals;

/// <summary>The notification tests on SQLite.</summary>
public sealed class ReferralNotificationOnSqliteTests(SqliteTwenteHub fixture) : ReferralNotificationTests<SqliteTwenteHub>(fixture), IClassFixture<SqliteTwenteHub>;
