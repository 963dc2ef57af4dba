using Interop.Hub.Tests.Infrastructure;

namespace Interop.Hub.Tests.Referrals;

/// <summary>The lifecycle tests on PostgreSQL.</summary>
public sealed class ReferralLifecycleOnPostgreSqlTests(PostgreSqlTwenteHub fixture) : ReferralLifecycleTests<PostgreSqlTwenteHub>(fixture), IClassFixture<PostgreSqlTwenteHub>;
