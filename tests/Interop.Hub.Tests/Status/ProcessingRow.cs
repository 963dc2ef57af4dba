using Interop.Contracts.V1;

namespace Interop.Hub.Tests.JongereStatus;

/// <summary>The columns of a processing record the status tests check.</summary>
public sealed class ProcessingRow
{
    public long Action { get; set; }

    public string PurposeCode { get; set; } = "";

    public long LegalBasisKind { get; set; }

    public string LegalBasisValue { get; set; } = "";

    public string DataCategories { get; set; } = "";

    public string ActivityId { get; set; } = "";

    public string ExecutingOin { get; set; } = "";

    /// <summary>The categories as enum values.</summary>
    public IReadOnlyList<DataCategory> Categories =>
        DataCategories.Length == 0 ? [] : [.. DataCategories.Split(',').Select(c => (DataCategory)int.Parse(c, System.Globalization.CultureInfo.InvariantCulture))];
}
