using Interop.Hub.Tests.Infrastructure;

namespace Interop.Hub.Tests.Referrals;

/// <summary>The reading and listing tests on PostgreSQL.</summary>
public sealed class ReferralListOnPostgreSqlTests(PostgreSqlTwenteHub fixture) : ReferralListTests<PostgreSqlTwenteHub>(fixture), IClassFixture<PostgreSqlTwenteHub>;
