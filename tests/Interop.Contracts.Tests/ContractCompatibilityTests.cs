using Interop.Contracts.Tests.Compatibility;

namespace Interop.Contracts.Tests;

/// <summary>
/// The compiled interop.v1 contracts against the committed snapshot (Snapshots/interop.v1.contract.json): fails on a
/// breaking change (see <see cref="BreakingChangeChecker"/>); additions pass.
/// </summary>
/// <remarks>
/// The snapshot changes only deliberately. After an addition, or after a break agreed with every partner (which in
/// practice means a new package, interop.v2), rewrite it and commit it with the .proto change:
/// <code>UPDATE_CONTRACT_SNAPSHOT=1 dotnet test tests/Interop.Contracts.Tests</code>
/// Reviewers read the JSON diff. See protos/interop/README.md.
/// </remarks>
public sealed class ContractCompatibilityTests
{
    private const string UpdateVariable = "UPDATE_CONTRACT_SNAPSHOT";

    [Fact]
    public void CompiledContracts_AgainstSnapshot_HaveNoBreakingChange()
    {
        var current = ContractSnapshotBuilder.Build(CompiledContracts.DescriptorSet().File);
        var path = CompiledContracts.SnapshotPath;

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(path, ContractSnapshotJson.Serialize(current));
            return;
        }

        Assert.True(File.Exists(path), $"No contract snapshot at {path}. Create it with {UpdateVariable}=1 and commit it.");
        var committed = ContractSnapshotJson.Deserialize(File.ReadAllText(path));

        var breaks = BreakingChangeChecker.Check(committed, current);

        Assert.True(breaks.Count == 0,
            "Breaking changes to interop.v1 against the committed snapshot:\n  " + string.Join("\n  ", breaks)
            + $"\nRestore the contract, or (only when every partner agreed) rewrite the snapshot with {UpdateVariable}=1.");
    }

    [Fact]
    public void CompiledContracts_CoverEveryProtoFile()
    {
        // A .proto added to protos/interop/v1 but not compiled would escape every check here.
        var source = CompiledContracts.SourceInfoDescriptorSet().File.Select(f => f.Name).Order(StringComparer.Ordinal);
        var compiled = CompiledContracts.Files.Select(f => f.Name).Order(StringComparer.Ordinal);

        Assert.Equal(source, compiled);
        Assert.Contains("interop/v1/referrals.proto", compiled);
    }

    [Fact]
    public void Snapshot_SerializeThenDeserialize_IsUnchanged()
    {
        var current = ContractSnapshotBuilder.Build(CompiledContracts.DescriptorSet().File);

        var json = ContractSnapshotJson.Serialize(current);
        var roundTripped = ContractSnapshotJson.Deserialize(json);

        Assert.Equal(json, ContractSnapshotJson.Serialize(roundTripped));
        Assert.Empty(BreakingChangeChecker.Check(current, roundTripped));
        Assert.Empty(BreakingChangeChecker.Check(roundTripped, current));
    }
}
