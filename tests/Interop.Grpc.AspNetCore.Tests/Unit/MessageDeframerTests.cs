using System.Buffers;
using Interop.Grpc.Shared;

namespace Interop.Grpc.AspNetCore.Tests.Unit;

public class MessageDeframerTests
{
    private const int Seed = 20261123;

    [Fact]
    public void Deframer_TruncatedLengthPrefix_ReturnsIncomplete()
    {
        var buffer = new ReadOnlySequence<byte>(new byte[] { 0, 0, 0 });
        Assert.Equal(DeframeResult.Incomplete, MessageDeframer.TryRead(ref buffer, 100, out _, out _));
        Assert.Equal(3, buffer.Length);
    }

    [Fact]
    public void Deframer_LengthLargerThanBody_ReturnsIncomplete()
    {
        var buffer = new ReadOnlySequence<byte>(new byte[] { 0, 0, 0, 0, 10, 1, 2, 3 });
        Assert.Equal(DeframeResult.Incomplete, MessageDeframer.TryRead(ref buffer, 100, out _, out _));
    }

    [Fact]
    public void Deframer_LengthOverLimit_ReturnsTooLarge()
    {
        var buffer = new ReadOnlySequence<byte>(new byte[] { 0, 0, 0, 0, 101 });
        Assert.Equal(DeframeResult.TooLarge, MessageDeframer.TryRead(ref buffer, 100, out _, out _));
    }

    [Fact]
    public void Deframer_MaxUInt32Length_ReturnsTooLarge()
    {
        var buffer = new ReadOnlySequence<byte>(new byte[] { 0, 0xFF, 0xFF, 0xFF, 0xFF });
        Assert.Equal(DeframeResult.TooLarge, MessageDeframer.TryRead(ref buffer, int.MaxValue, out _, out _));
    }

    [Fact]
    public void Deframer_BadCompressedFlag_ReturnsInvalidCompressedFlag()
    {
        var buffer = new ReadOnlySequence<byte>(new byte[] { 2, 0, 0, 0, 0 });
        Assert.Equal(DeframeResult.InvalidCompressedFlag, MessageDeframer.TryRead(ref buffer, 100, out _, out _));
    }

    [Fact]
    public void Deframer_EmptyMessage_ReturnsMessage()
    {
        var buffer = new ReadOnlySequence<byte>(new byte[] { 1, 0, 0, 0, 0 });
        Assert.Equal(DeframeResult.Message, MessageDeframer.TryRead(ref buffer, 100, out var compressed, out var message));
        Assert.True(compressed);
        Assert.Equal(0, message.Length);
        Assert.Equal(0, buffer.Length);
    }

    [Fact]
    public void Deframer_RandomInput_NeverThrowsAndOnlyReturnsWhatTheInputHolds()
    {
        var random = new Random(Seed);
        for (var iteration = 0; iteration < 5000; iteration++)
        {
            var input = new byte[random.Next(0, 64)];
            random.NextBytes(input);

            // Bias towards plausible prefixes so the message paths are exercised, not only the flag check.
            if (input.Length > 0 && random.Next(2) == 0)
            {
                input[0] = (byte)random.Next(0, 2);
            }

            if (input.Length >= 5 && random.Next(2) == 0)
            {
                input[1] = input[2] = input[3] = 0;
                input[4] = (byte)random.Next(0, 70);
            }

            var buffer = SequenceBuilder.Create(Split(input, random));
            long offset = 0;
            while (true)
            {
                var before = buffer.Length;
                var result = MessageDeframer.TryRead(ref buffer, random.Next(0, 80), out var compressed, out var message);
                if (result != DeframeResult.Message)
                {
                    Assert.Equal(before, buffer.Length);
                    break;
                }

                Assert.Equal(input[offset] == 1, compressed);
                Assert.Equal(input.AsSpan((int)offset + 5, (int)message.Length).ToArray(), message.ToArray());
                offset += 5 + message.Length;
                Assert.Equal(input.Length - offset, buffer.Length);
            }
        }
    }

    [Fact]
    public void Deframer_MessagesSplitArbitrarily_ReassembleToTheWhole()
    {
        var random = new Random(Seed + 1);
        for (var iteration = 0; iteration < 2000; iteration++)
        {
            var messages = new List<(bool Compressed, byte[] Data)>();
            var stream = new List<byte>();
            for (var i = random.Next(0, 6); i > 0; i--)
            {
                var data = new byte[random.Next(0, 300)];
                random.NextBytes(data);
                var compressed = random.Next(2) == 1;
                messages.Add((compressed, data));
                var header = new byte[5];
                MessageDeframer.WriteHeader(header, compressed, data.Length);
                stream.AddRange(header);
                stream.AddRange(data);
            }

            // Feed the stream in random pieces, as a transport delivers it; keep the unconsumed rest as segments.
            var bytes = stream.ToArray();
            var received = new List<(bool, byte[])>();
            var pending = new List<byte[]>();
            var position = 0;
            while (position < bytes.Length)
            {
                var take = Math.Min(bytes.Length - position, random.Next(1, 64));
                pending.Add(bytes[position..(position + take)]);
                position += take;

                var buffer = SequenceBuilder.Create(pending);
                while (MessageDeframer.TryRead(ref buffer, 1000, out var compressed, out var message) == DeframeResult.Message)
                {
                    received.Add((compressed, message.ToArray()));
                }

                pending = buffer.IsEmpty ? [] : [buffer.ToArray()];
            }

            Assert.Empty(pending);
            Assert.Equal(messages.Count, received.Count);
            for (var i = 0; i < messages.Count; i++)
            {
                Assert.Equal(messages[i].Compressed, received[i].Item1);
                Assert.Equal(messages[i].Data, received[i].Item2);
            }

            // Every truncation yields only whole messages and leaves the cut one incomplete.
            if (bytes.Length > 0)
            {
                var cut = random.Next(0, bytes.Length);
                var truncated = SequenceBuilder.Create(Split(bytes[..cut], random));
                var whole = 0;
                while (MessageDeframer.TryRead(ref truncated, 1000, out _, out var message) == DeframeResult.Message)
                {
                    Assert.Equal(messages[whole].Data, message.ToArray());
                    whole++;
                }

                Assert.True(whole <= messages.Count);
            }
        }
    }

    private static List<byte[]> Split(byte[] input, Random random)
    {
        var chunks = new List<byte[]>();
        var position = 0;
        while (position < input.Length)
        {
            var take = Math.Min(input.Length - position, random.Next(1, 16));
            chunks.Add(input[position..(position + take)]);
            position += take;
        }

        return chunks;
    }
}
