using Interop.Hub.Tests.Infrastructure;

namespace Interop.Hub.Tests.Referrals;

/// <summary>The access tests on PostgreSQL.</summary>
public sealed class ReferralAccessOnPostgreSqlTests(PostgreSqlTwenteHub fixture) : ReferralAccessTests<PostgreSqlTwenteHub>(fixture), IClassFixture<PostgreSqlTwenteHub>;
