using Interop.Hub.Tests.Infrastructure;

namespace Interop.Hub.Tests.Referrals;

/// <summary>The legal basis tests on PostgreSQL.</summary>
public sealed class ReferralLegalBasisOnPostgreSqlTests(PostgreSqlTwenteHub fixture) : ReferralLegalBasisTests<PostgreSqlTwenteHub>(fixture), IClassFixture<PostgreSqlTwenteHub>;
