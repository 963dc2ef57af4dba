using Interop.Hub.Tests.Infrastructure;

namespace Interop.Hub.Tests.Referrals;

/// <summary>The legal basis tests on SQLite.</summary>
public sealed class ReferralLegalBasisOnSqliteTests(SqliteTwenteHub fixture) : ReferralLegalBasisTests<SqliteTwenteHub>(fixture), IClassFixture<SqliteTwenteHub>;
