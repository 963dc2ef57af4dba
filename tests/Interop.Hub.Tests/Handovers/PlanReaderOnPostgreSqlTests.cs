using Interop.Hub.Tests.Infrastructure;

namespace Interop.Hub.Tests.Handovers;

/// <summary>PlanReader on PostgreSQL.</summary>
public sealed class PlanReaderOnPostgreSqlTests() : PlanReaderTests(StorageProvider.PostgreSql);
