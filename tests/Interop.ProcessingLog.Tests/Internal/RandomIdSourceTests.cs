using Interop.ProcessingLog.Internal;

namespace Interop.ProcessingLog.Tests.Internal;

public class RandomIdSourceTests
{
    [Fact]
    public void Draws_AcrossManyBlocks_NeverRepeat()
    {
        // 8- and 16-byte draws interleaved, so draws straddle the end of a 256-byte block: each must be fresh bytes.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Span<byte> buffer = stackalloc byte[16];
        for (var i = 0; i < 20_000; i++)
        {
            var draw = buffer[..(i % 3 == 0 ? 16 : 8)];
            draw.Clear();
            RandomIdSource.Fill(draw);
            Assert.True(seen.Add(Convert.ToHexString(draw)), $"draw {i} repeated an earlier one");
        }
    }

    [Fact]
    public void Draws_OnManyThreads_NeverRepeat()
    {
        var seen = new System.Collections.Concurrent.ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        Parallel.For(0, 40_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            Span<byte> draw = stackalloc byte[8];
            RandomIdSource.Fill(draw);
            Assert.True(seen.TryAdd(Convert.ToHexString(draw), 0), $"draw {i} repeated an earlier one");
        });
    }

    [Fact]
    public void Bytes_AreNotConstant()
    {
        // 32,768 bytes from a uniform source: every byte value appears (by chance one would be missing with odds
        // of about 256 * e^-128).
        var counts = new int[256];
        Span<byte> draw = stackalloc byte[16];
        for (var i = 0; i < 32_768 / 16; i++)
        {
            RandomIdSource.Fill(draw);
            foreach (var b in draw)
            {
                counts[b]++;
            }
        }

        Assert.DoesNotContain(0, counts);
    }

    [Fact]
    public void MoreThanABlock_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RandomIdSource.Fill(new byte[257]));
    }
}
