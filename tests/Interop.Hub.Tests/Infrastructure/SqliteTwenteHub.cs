namespace Interop.Hub.Tests.Infrastructure;

/// <summary>The Twente hub on SQLite (the embedded default).</summary>
public sealed class SqliteTwenteHub() : TwenteHubFixture(StorageProvider.Sqlite);
