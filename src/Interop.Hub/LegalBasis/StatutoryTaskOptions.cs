using Interop.Contracts.V1;

namespace Interop.Hub.LegalBasis;

/// <summary>
/// One statutory task: partners of <see cref="OrganisationKinds"/> may process data of <see cref="DataCategories"/> on
/// <see cref="Leefgebieden"/> for <see cref="Purposes"/> without the jongere's consent, on the strength of
/// <see cref="LegalReference"/>.
/// </summary>
public sealed class StatutoryTaskOptions
{
    /// <summary>The code a LegalBasis names (lower case with '-', e.g. "rmc-vsv").</summary>
    public string Code { get; set; } = "";

    /// <summary>The law and article (e.g. "WEB art. 8.3.1").</summary>
    public string LegalReference { get; set; } = "";

    /// <summary>The kinds of partner that hold the task.</summary>
    public List<OrganisationKind> OrganisationKinds { get; set; } = [];

    /// <summary>The purpose codes the task serves.</summary>
    public List<string> Purposes { get; set; } = [];

    /// <summary>The leefgebieden it covers.</summary>
    public List<Leefgebied> Leefgebieden { get; set; } = [];

    /// <summary>The data categories it covers; health and justice only when listed.</summary>
    public List<DataCategory> DataCategories { get; set; } = [];
}
