using Interop.Hub.Tests.Infrastructure;

namespace Interop.Hub.Tests.Handovers;

/// <summary>PlanReader on SQLite.</summary>
public sealed class PlanReaderOnSqliteTests() : PlanReaderTests(StorageProvider.Sqlite);
