using Interop.Hub.Tests.Infrastructure;

namespace Interop.Hub.Tests.Demo;

/// <summary>The demo hub on SQLite.</summary>
public sealed class SqliteDemoHub() : DemoHubFixture(StorageProvider.Sqlite);
