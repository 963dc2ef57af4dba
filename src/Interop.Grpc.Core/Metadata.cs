using System.Collections;

namespace Interop.Grpc;

/// <summary>
/// Custom headers or trailers of a call. Keys are lower-cased; a key ending in <c>-bin</c> carries binary values
/// (sent base64-encoded), any other key carries printable ASCII.
/// </summary>
public sealed partial class Metadata : IList<Metadata.Entry>
{
    /// <summary>The suffix that marks a binary key.</summary>
    public const string BinaryHeaderSuffix = "-bin";

    private readonly List<Entry> _entries = [];

    /// <summary>An empty, read-only instance.</summary>
    public static readonly Metadata Empty = new() { IsReadOnly = true };

    /// <inheritdoc />
    public int Count => _entries.Count;

    /// <inheritdoc />
    public bool IsReadOnly { get; private set; }

    /// <inheritdoc />
    public Entry this[int index]
    {
        get => _entries[index];
        set
        {
            ThrowIfReadOnly();
            ArgumentNullException.ThrowIfNull(value);
            _entries[index] = value;
        }
    }

    /// <summary>Adds an ASCII entry.</summary>
    public void Add(string key, string value) => Add(new Entry(key, value));

    /// <summary>Adds a binary entry; the key must end in <c>-bin</c>.</summary>
    public void Add(string key, byte[] valueBytes) => Add(new Entry(key, valueBytes));

    /// <inheritdoc />
    public void Add(Entry item)
    {
        ThrowIfReadOnly();
        ArgumentNullException.ThrowIfNull(item);
        _entries.Add(item);
    }

    /// <summary>The last entry with <paramref name="key"/>, or null.</summary>
    public Entry? Get(string key)
    {
        var normalized = Entry.NormalizeKey(key);
        for (var i = _entries.Count - 1; i >= 0; i--)
        {
            if (_entries[i].Key == normalized)
            {
                return _entries[i];
            }
        }

        return null;
    }

    /// <summary>The string value of the last ASCII entry with <paramref name="key"/>, or null.</summary>
    public string? GetValue(string key) => Get(key)?.Value;

    /// <summary>The bytes of the last binary entry with <paramref name="key"/>, or null.</summary>
    public byte[]? GetValueBytes(string key) => Get(key)?.ValueBytes;

    /// <summary>Every entry with <paramref name="key"/>, in order.</summary>
    public IEnumerable<Entry> GetAll(string key)
    {
        var normalized = Entry.NormalizeKey(key);
        return _entries.Where(e => e.Key == normalized);
    }

    /// <inheritdoc />
    public void Clear()
    {
        ThrowIfReadOnly();
        _entries.Clear();
    }

    /// <inheritdoc />
    public bool Contains(Entry item) => _entries.Contains(item);

    /// <inheritdoc />
    public void CopyTo(Entry[] array, int arrayIndex) => _entries.CopyTo(array, arrayIndex);

    /// <inheritdoc />
    public IEnumerator<Entry> GetEnumerator() => _entries.GetEnumerator();

    /// <inheritdoc />
    public int IndexOf(Entry item) => _entries.IndexOf(item);

    /// <inheritdoc />
    public void Insert(int index, Entry item)
    {
        ThrowIfReadOnly();
        ArgumentNullException.ThrowIfNull(item);
        _entries.Insert(index, item);
    }

    /// <inheritdoc />
    public bool Remove(Entry item)
    {
        ThrowIfReadOnly();
        return _entries.Remove(item);
    }

    /// <inheritdoc />
    public void RemoveAt(int index)
    {
        ThrowIfReadOnly();
        _entries.RemoveAt(index);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private void ThrowIfReadOnly()
    {
        if (IsReadOnly)
        {
            throw new InvalidOperationException("This metadata instance is read-only.");
        }
    }
}
