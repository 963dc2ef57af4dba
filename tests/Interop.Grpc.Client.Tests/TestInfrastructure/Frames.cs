using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Interop.Grpc.Client.Tests.TestInfrastructure;

/// <summary>Builds and parses Length-Prefixed-Messages by hand, independently of the runtime's own code.</summary>
internal static class Frames
{
    public static byte[] Message(string text, bool compress = false)
    {
        var payload = Encoding.UTF8.GetBytes(text);
        return Frame(compress ? Gzip(payload) : payload, compress);
    }

    public static byte[] Frame(byte[] payload, bool compressedFlag)
    {
        var frame = new byte[5 + payload.Length];
        frame[0] = compressedFlag ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)payload.Length);
        payload.CopyTo(frame, 5);
        return frame;
    }

    public static byte[] Concat(params byte[][] frames) => frames.SelectMany(f => f).ToArray();

    public static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    /// <summary>Splits a request body into (compressed flag, decoded text) pairs.</summary>
    public static List<(bool Compressed, string Text)> Parse(byte[] body)
    {
        var result = new List<(bool, string)>();
        var offset = 0;
        while (offset < body.Length)
        {
            var compressed = body[offset] == 1;
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(offset + 1));
            var payload = body.AsSpan(offset + 5, length).ToArray();
            if (compressed)
            {
                using var input = new GZipStream(new MemoryStream(payload), CompressionMode.Decompress);
                using var output = new MemoryStream();
                input.CopyTo(output);
                payload = output.ToArray();
            }

            result.Add((compressed, Encoding.UTF8.GetString(payload)));
            offset += 5 + length;
        }

        return result;
    }
}
