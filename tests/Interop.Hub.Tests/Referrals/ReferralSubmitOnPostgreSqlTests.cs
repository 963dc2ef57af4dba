using Interop.Hub.Tests.Infrastructure;

namespace Interop.Hub.Tests.Referrals;

/// <summary>The submission tests on PostgreSQL.</summary>
public sealed class ReferralSubmitOnPostgreSqlTests(PostgreSqlTwenteHub fixture) : ReferralSubmitTests<PostgreSqlTwenteHub>(fixture), IClassFixture<PostgreSqlTwenteHub>;
