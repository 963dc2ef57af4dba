using System.Text.RegularExpressions;
using Interop.Contracts.V1;
using Interop.Hub.Calls;
using Interop.Hub.LegalBasis;
using Interop.Hub.Subjects;

namespace Interop.Hub.JongereStatus;

/// <summary>Checks the StatusService requests, collecting every bad field before the call touches the database.</summary>
internal static partial class StatusRequestValidation
{
    private const int MaxCodeLength = 100;
    private const int MaxConsentIdLength = 64;

    /// <summary>A valid RegisterInvolvement request, or INVALID_ARGUMENT listing every problem.</summary>
    public static RegisterInvolvementCommand Validate(RegisterInvolvementRequest request, SubjectDirectory subjects)
    {
        var violations = new Violations();
        var subject = subjects.Parse(request.Subject, "subject", violations);
        var leefgebieden = ValidateLeefgebieden(request.Leefgebieden, violations);
        ValidateLegalBasis(request.LegalBasis, violations);
        violations.ThrowIfAny();
        return new RegisterInvolvementCommand(subject!, leefgebieden, request.LegalBasis);
    }

    /// <summary>The jongere of an EndInvolvement request, or INVALID_ARGUMENT.</summary>
    public static SubjectInput Validate(EndInvolvementRequest request, SubjectDirectory subjects)
    {
        var violations = new Violations();
        var subject = subjects.Parse(request.Subject, "subject", violations);
        violations.ThrowIfAny();
        return subject!;
    }

    /// <summary>The jongere and purpose code of a GetJongereStatus request, or INVALID_ARGUMENT listing every problem.</summary>
    public static (SubjectInput Subject, string PurposeCode) Validate(GetJongereStatusRequest request, SubjectDirectory subjects, PurposeRegister purposes)
    {
        var violations = new Violations();
        // A status read registers the jongere only when it issues the caller's first subject_ref: the BSN is encrypted
        // then, in the write, not on every read.
        var subject = subjects.Parse(request.Subject, "subject", violations, protectBsn: false);
        var code = purposes.Validate(request.Purpose, "purpose", violations);
        violations.ThrowIfAny();
        return (subject!, code!);
    }

    private static List<Leefgebied> ValidateLeefgebieden(IReadOnlyList<Leefgebied> leefgebieden, Violations violations)
    {
        if (leefgebieden.Count == 0)
        {
            violations.Add("leefgebieden", "Give at least one leefgebied the organisation works on with the jongere.");
            return [];
        }

        for (var i = 0; i < leefgebieden.Count; i++)
        {
            var leefgebied = leefgebieden[i];
            if (leefgebied == Leefgebied.Unspecified)
            {
                violations.Add($"leefgebieden[{i}]", "LEEFGEBIED_UNSPECIFIED is not a leefgebied.");
            }
            else if (!Enum.IsDefined(leefgebied))
            {
                violations.Add($"leefgebieden[{i}]", $"{(int)leefgebied} is not a defined leefgebied.");
            }
        }

        return LeefgebiedMask.ToList(LeefgebiedMask.From(leefgebieden.Where(l => l != Leefgebied.Unspecified && Enum.IsDefined(l))));
    }

    private static void ValidateLegalBasis(Contracts.V1.LegalBasis? basis, Violations violations)
    {
        switch (basis?.BasisCase ?? Contracts.V1.LegalBasis.BasisOneofCase.None)
        {
            case Contracts.V1.LegalBasis.BasisOneofCase.ConsentId:
                if (basis!.ConsentId.Length == 0 || basis.ConsentId.Length > MaxConsentIdLength || !basis.ConsentId.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
                {
                    violations.Add("legal_basis.consent_id", "Not a consent_id: give the id ConsentService returned.");
                }

                break;
            case Contracts.V1.LegalBasis.BasisOneofCase.StatutoryTask:
                var code = basis!.StatutoryTask.Code;
                if (code.Length == 0)
                {
                    violations.Add("legal_basis.statutory_task.code", "Required: the code of the statutory task (e.g. \"rmc-vsv\").");
                }
                else if (!IsCode(code))
                {
                    violations.Add("legal_basis.statutory_task.code", $"Not a task code: lower-case letters, digits and '-', at most {MaxCodeLength} characters.");
                }

                break;
            default:
                violations.Add("legal_basis", "Required: the consent_id or statutory task the involvement rests on.");
                break;
        }
    }

    private static bool IsCode(string code) => code.Length <= MaxCodeLength && CodePattern().IsMatch(code);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}
