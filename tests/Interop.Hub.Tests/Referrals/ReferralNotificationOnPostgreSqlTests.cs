using Interop.Hub.Tests.Infrastructure;

namespace Interop.Hub.Tests.Referrals;

/// <summary>The notification tests on PostgreSQL.</summary>
public sealed class ReferralNotificationOnPostgreSqlTests(PostgreSqlTwenteHub fixture) : ReferralNotificationTests<PostgreSqlTwenteHub>(fixture), IClassFixture<PostgreSqlTwenteHub>;
