using System.Text;

namespace Interop.Grpc;

public sealed partial class Metadata
{
    /// <summary>One header or trailer: a key and an ASCII or binary value.</summary>
    public sealed class Entry
    {
        private readonly string? _value;
        private readonly byte[]? _valueBytes;

        /// <summary>Creates an ASCII entry. The value must be printable ASCII (0x20-0x7E).</summary>
        public Entry(string key, string value)
        {
            ArgumentNullException.ThrowIfNull(value);
            Key = NormalizeKey(key);
            if (IsBinaryKey(Key))
            {
                throw new ArgumentException($"Key '{Key}' ends in -bin and so takes a byte[] value.", nameof(key));
            }

            foreach (var c in value)
            {
                if (c < 0x20 || c > 0x7E)
                {
                    throw new ArgumentException($"The value of '{Key}' holds a character outside printable ASCII; use a -bin key for arbitrary data.", nameof(value));
                }
            }

            _value = value;
        }

        /// <summary>Creates a binary entry. The key must end in <c>-bin</c>.</summary>
        public Entry(string key, byte[] valueBytes)
        {
            ArgumentNullException.ThrowIfNull(valueBytes);
            Key = NormalizeKey(key);
            if (!IsBinaryKey(Key))
            {
                throw new ArgumentException($"Key '{Key}' must end in -bin to take a byte[] value.", nameof(key));
            }

            _valueBytes = valueBytes;
        }

        /// <summary>The lower-case key.</summary>
        public string Key { get; }

        /// <summary>Whether the entry is binary (its key ends in <c>-bin</c>).</summary>
        public bool IsBinary => _valueBytes is not null;

        /// <summary>The ASCII value. Throws for a binary entry.</summary>
        public string Value => _value ?? throw new InvalidOperationException($"Entry '{Key}' is binary; read ValueBytes.");

        /// <summary>The binary value. For an ASCII entry, its ASCII bytes.</summary>
        public byte[] ValueBytes => _valueBytes ?? Encoding.ASCII.GetBytes(_value!);

        /// <inheritdoc />
        public override string ToString() => IsBinary
            ? $"[Entry: key={Key}, valueBytes={_valueBytes!.Length} bytes]"
            : $"[Entry: key={Key}, value={_value}]";

        internal static bool IsBinaryKey(string key) => key.EndsWith(BinaryHeaderSuffix, StringComparison.Ordinal);

        /// <summary>Lower-cases and validates a key: 0-9 a-z _ - . only (PROTOCOL-HTTP2.md, Header-Name).</summary>
        internal static string NormalizeKey(string key)
        {
            ArgumentException.ThrowIfNullOrEmpty(key);
            var normalized = key.ToLowerInvariant();
            foreach (var c in normalized)
            {
                if (!(c is >= 'a' and <= 'z' || c is >= '0' and <= '9' || c is '-' or '_' or '.'))
                {
                    throw new ArgumentException($"Metadata key '{key}' holds '{c}'; only 0-9, a-z, '-', '_' and '.' are allowed.", nameof(key));
                }
            }

            return normalized;
        }
    }
}
