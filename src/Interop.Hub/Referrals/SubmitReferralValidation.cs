using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Google.Protobuf;
using Interop.Contracts.V1;
using Interop.Federation.Registry;
using Interop.Hub.Calls;
using Interop.Hub.Subjects;

namespace Interop.Hub.Referrals;

/// <summary>Checks a SubmitReferralRequest field by field (every violation at once) and prepares what the write needs.</summary>
internal static partial class SubmitReferralValidation
{
    /// <summary>
    /// The validated request, or INVALID_ARGUMENT listing every bad field. <paramref name="isKnownPurpose"/> says
    /// whether a purpose code is in the hub's register.
    /// </summary>
    public static NewReferral Validate(
        SubmitReferralRequest request, string senderOin, SubjectDirectory subjects, Func<string, bool> isKnownPurpose, DateTimeOffset now)
    {
        var violations = new Violations();
        if (request.IdempotencyKey.Length == 0)
        {
            violations.Add("idempotency_key", "Required: 1 to 64 characters of A-Z, a-z, 0-9, '_' and '-' (a UUID is a good choice).");
        }
        else if (!IdempotencyKey().IsMatch(request.IdempotencyKey))
        {
            violations.Add("idempotency_key", "1 to 64 characters of A-Z, a-z, 0-9, '_' and '-'.");
        }

        if (Oin.Validate(request.ReceiverOin) is { } oinError)
        {
            violations.Add("receiver_oin", oinError);
        }
        else if (request.ReceiverOin == senderOin)
        {
            violations.Add("receiver_oin", "A referral goes to another organisation, not to the sender itself.");
        }

        var subject = subjects.Parse(request.Subject, "subject", violations);
        ValidatePerson(request.Person, now, violations);
        var (leefgebieden, mask) = ValidateLeefgebieden(request.Leefgebieden, violations);
        ReferralFields.Text(request.Reason, 4000, "reason", violations, required: true);
        if (request.Urgency == Urgency.Unspecified)
        {
            violations.Add("urgency", "Required: REGULAR, URGENT or CRISIS.");
        }
        else if (!Enum.IsDefined(request.Urgency))
        {
            violations.Add("urgency", $"Unknown urgency {(int)request.Urgency}.");
        }

        ValidateLegalBasis(request.LegalBasis, violations);
        var purposeCode = request.Purpose?.Code ?? "";
        if (purposeCode.Length == 0)
        {
            violations.Add("purpose.code", "Required: a purpose code of the hub's register.");
        }
        else if (!ReferralFields.IsCode(purposeCode))
        {
            violations.Add("purpose.code", "A purpose code is lower case letters and digits with '-' (e.g. begeleiding-naar-onderwijs-of-werk).");
        }
        else if (!isKnownPurpose(purposeCode))
        {
            violations.Add("purpose.code", "Not a purpose in the hub's register of processing purposes.");
        }

        ReferralFields.Text(request.SenderReference, 100, "sender_reference", violations);
        violations.ThrowIfAny();

        var content = new Referral
        {
            Person = request.Person is { } person && person.CalculateSize() > 0 ? person.Clone() : null,
            Reason = request.Reason,
            Urgency = request.Urgency,
            SenderReference = request.SenderReference,
        };
        content.Leefgebieden.AddRange(leefgebieden);
        return new NewReferral(
            Guid.CreateVersion7(now).ToString("D"),
            request.IdempotencyKey,
            Convert.ToHexStringLower(SHA256.HashData(request.ToByteArray())),
            senderOin,
            request.ReceiverOin,
            subject!,
            leefgebieden,
            mask,
            request.Urgency,
            purposeCode,
            request.LegalBasis?.Clone(),
            content);
    }

    private static void ValidatePerson(PersonDetails? person, DateTimeOffset now, Violations violations)
    {
        if (person is null)
        {
            return;
        }

        ReferralFields.Text(person.GivenName, 200, "person.given_name", violations);
        ReferralFields.Text(person.FamilyName, 200, "person.family_name", violations);
        ReferralFields.BirthDate(person.BirthDate, now, "person.birth_date", violations);
        ReferralFields.PhoneNumber(person.PhoneNumber, "person.phone_number", violations);
        ReferralFields.EmailAddress(person.EmailAddress, "person.email_address", violations);
    }

    private static (List<Leefgebied> Leefgebieden, long Mask) ValidateLeefgebieden(IReadOnlyList<Leefgebied> requested, Violations violations)
    {
        var result = new List<Leefgebied>();
        var mask = 0L;
        if (requested.Count == 0)
        {
            violations.Add("leefgebieden", "Required: at least one leefgebied.");
        }

        for (var i = 0; i < requested.Count; i++)
        {
            var leefgebied = requested[i];
            var field = $"leefgebieden[{i}]";
            if (leefgebied == Leefgebied.Unspecified)
            {
                violations.Add(field, "LEEFGEBIED_UNSPECIFIED is not a leefgebied.");
            }
            else if (!Enum.IsDefined(leefgebied))
            {
                violations.Add(field, $"Unknown leefgebied {(int)leefgebied}.");
            }
            else if ((mask & (1L << (int)leefgebied)) != 0)
            {
                violations.Add(field, "Duplicate leefgebied.");
            }
            else
            {
                mask |= 1L << (int)leefgebied;
                result.Add(leefgebied);
            }
        }

        return (result, mask);
    }

    private static void ValidateLegalBasis(Contracts.V1.LegalBasis? basis, Violations violations)
    {
        if (basis is null)
        {
            return;
        }

        switch (basis.BasisCase)
        {
            case Contracts.V1.LegalBasis.BasisOneofCase.ConsentId:
                if (!ReferralFields.IsCanonicalUuid(basis.ConsentId))
                {
                    violations.Add("legal_basis.consent_id", "Not a consent id: a UUID in canonical lower-case form.");
                }

                break;
            case Contracts.V1.LegalBasis.BasisOneofCase.StatutoryTask:
                if (basis.StatutoryTask.Code.Length == 0)
                {
                    violations.Add("legal_basis.statutory_task.code", "Required: the task's code in the hub's configuration.");
                }
                else if (!ReferralFields.IsCode(basis.StatutoryTask.Code))
                {
                    violations.Add("legal_basis.statutory_task.code", "A task code is lower case letters and digits with '-' (e.g. rmc-vsv).");
                }

                break;
            default:
                violations.Add("legal_basis", "Name a consent_id or a statutory_task, or leave legal_basis unset to let the hub find one.");
                break;
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdempotencyKey();
}
