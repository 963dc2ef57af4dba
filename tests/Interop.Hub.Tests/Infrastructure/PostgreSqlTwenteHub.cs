namespace Interop.Hub.Tests.Infrastructure;

/// <summary>The Twente hub on PostgreSQL (a fresh database on the test run's shared cluster).</summary>
public sealed class PostgreSqlTwenteHub() : TwenteHubFixture(StorageProvider.PostgreSql);
