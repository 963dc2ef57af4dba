using Google.Rpc;

namespace Interop.Hub.Calls;

/// <summary>Collects every problem with a request, so one INVALID_ARGUMENT lists them all.</summary>
internal sealed class Violations
{
    private readonly List<BadRequest.Types.FieldViolation> _items = [];

    /// <summary>Whether nothing was found wrong.</summary>
    public bool IsEmpty => _items.Count == 0;

    /// <summary>The violations so far.</summary>
    public IReadOnlyList<BadRequest.Types.FieldViolation> Items => _items;

    /// <summary>Records that <paramref name="field"/> (its proto path, e.g. "subject.bsn") is wrong and why.</summary>
    public void Add(string field, string description) => _items.Add(new BadRequest.Types.FieldViolation { Field = field, Description = description });

    /// <summary>Throws INVALID_ARGUMENT with every violation, if there are any.</summary>
    public void ThrowIfAny()
    {
        if (_items.Count > 0)
        {
            HubErrors.InvalidArgument(_items);
        }
    }
}
