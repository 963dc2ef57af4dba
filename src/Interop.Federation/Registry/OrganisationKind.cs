namespace Interop.Federation.Registry;

/// <summary>What kind of organisation a partner is. Names are the Dutch domain words (see shared/DOMAIN.md).</summary>
public enum OrganisationKind
{
    /// <summary>A municipality and its teams (leerplicht, werk &amp; inkomen, Wmo/Jeugd, wonen, schuldhulp).</summary>
    Gemeente,

    /// <summary>An MBO vocational college (Regionaal Opleidingscentrum).</summary>
    Roc,

    /// <summary>A Regionale Meld- en Coordinatiefunctie office: follows up early school leavers in its region.</summary>
    Rmc,

    /// <summary>A care provider.</summary>
    Zorgaanbieder,

    /// <summary>A youth care provider (Jeugdwet).</summary>
    Jeugdhulp,

    /// <summary>The benefits agency.</summary>
    Uwv,

    /// <summary>Debt counselling.</summary>
    Schuldhulp,

    /// <summary>A housing association.</summary>
    Woningcorporatie,

    /// <summary>Another regional hub (federation).</summary>
    Hub,
}
