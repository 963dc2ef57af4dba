namespace Interop.ProcessingLog.Tests;

public sealed class ProcessingLogAnchorFileTests : IDisposable
{
    private static readonly string HashA = new('a', 64);
    private static readonly string HashB = new('b', 64);

    private readonly string _directory = Directory.CreateTempSubdirectory("interop-anchorfile-").FullName;

    private string FilePath => Path.Combine(_directory, "anchors.txt");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Append_ThenRead_OneLinePerAnchor_OldestFirst()
    {
        var first = ProcessingLogAnchor.Parse("7:" + HashA);
        var second = ProcessingLogAnchor.Parse("12:" + HashB);
        await ProcessingLogAnchorFile.AppendAsync(FilePath, first, new DateTimeOffset(2026, 12, 4, 16, 0, 0, TimeSpan.FromHours(1)));
        await ProcessingLogAnchorFile.AppendAsync(FilePath, second, new DateTimeOffset(2026, 12, 4, 15, 5, 0, TimeSpan.Zero));

        Assert.Equal([$"2026-12-04T15:00:00.0000000+00:00 7:{HashA}", $"2026-12-04T15:05:00.0000000+00:00 12:{HashB}"], await File.ReadAllLinesAsync(FilePath));
        Assert.Equal([first, second], await ProcessingLogAnchorFile.ReadAsync(FilePath));
    }

    [Fact]
    public async Task Read_SkipsBlankAndCommentLines_AcceptsBareAnchors()
    {
        await File.WriteAllLinesAsync(FilePath, ["# anchors of the Twente hub", "", $"  3:{HashA}  ", $"2026-12-04T15:00:00.0000000+00:00 4:{HashB}"]);

        Assert.Equal([ProcessingLogAnchor.Parse("3:" + HashA), ProcessingLogAnchor.Parse("4:" + HashB)], await ProcessingLogAnchorFile.ReadAsync(FilePath));
    }

    [Fact]
    public async Task Read_LinesThatAreNotAnchors_EveryOneNamedByLineNumber()
    {
        await File.WriteAllLinesAsync(FilePath,
        [
            $"2026-12-04T15:00:00.0000000+00:00 3:{HashA}",
            "gisteren 4:" + HashA,
            "5:abc",
            $"2026-12-04T15:00:00.0000000+00:00 6:{HashA} extra",
            "0:" + HashA,
        ]);

        var error = await Assert.ThrowsAsync<FormatException>(() => ProcessingLogAnchorFile.ReadAsync(FilePath));
        Assert.DoesNotContain("line 1:", error.Message, StringComparison.Ordinal);
        foreach (var line in new[] { "line 2: 'gisteren' is not a time", "line 3: 'abc' is not a record hash", "line 4:", "line 5: '0' is not a record sequence number" })
        {
            Assert.Contains(line, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Read_NoFile_FileNotFound()
    {
        await Assert.ThrowsAsync<FileNotFoundException>(() => ProcessingLogAnchorFile.ReadAsync(FilePath));
    }
}
