namespace Interop.Hub.Tests;

/// <summary>The Directory test classes share one hub (<see cref="DirectoryHubFixture"/>).</summary>
[CollectionDefinition(Name)]
public sealed class DirectoryHubCollection : ICollectionFixture<DirectoryHubFixture>
{
    public const string Name = "Directory hub";
}
