namespace Interop.Caching.Tests.Infrastructure;

/// <summary>Test classes that share one real redis-server.</summary>
[CollectionDefinition(Name)]
public sealed class RedisCollection : ICollectionFixture<RedisFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "Redis";
}
