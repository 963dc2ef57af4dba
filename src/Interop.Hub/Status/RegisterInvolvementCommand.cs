using Interop.Contracts.V1;
using Interop.Hub.Subjects;

namespace Interop.Hub.JongereStatus;

/// <summary>A validated RegisterInvolvement request.</summary>
/// <param name="Subject">The jongere.</param>
/// <param name="Leefgebieden">The leefgebieden, without duplicates, in enum order.</param>
/// <param name="LegalBasis">The basis the caller named.</param>
internal sealed record RegisterInvolvementCommand(SubjectInput Subject, IReadOnlyList<Leefgebied> Leefgebieden, Contracts.V1.LegalBasis LegalBasis);
