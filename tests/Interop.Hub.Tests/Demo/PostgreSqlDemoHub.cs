using Interop.Hub.Tests.Infrastructure;

namespace Interop.Hub.Tests.Demo;

/// <summary>The demo hub on PostgreSQL.</summary>
public sealed class PostgreSqlDemoHub() : DemoHubFixture(StorageProvider.PostgreSql);
