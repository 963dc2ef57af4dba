using Interop.Contracts.V1;

namespace Interop.Hub.Referrals;

/// <summary>
/// The categories of personal data a referral carries, for the legal basis check and the processing records, as the
/// contract's data_category options declare them: the BSN the parties get, the subject_ref and sender_reference
/// (pseudonyms), the reason and other texts (case), and, when given, the person's identifying and contact details.
/// </summary>
internal static class ReferralDataCategories
{
    /// <summary>What submitting or reading <paramref name="content"/> processes (the BSN when it is disclosed with it).</summary>
    public static IReadOnlyList<DataCategory> Of(Referral content, bool withBsn)
    {
        var categories = withBsn ? new List<DataCategory> { DataCategory.Bsn } : [];
        categories.AddRange([DataCategory.Pseudonym, DataCategory.Case]);
        if (content.Person is { } person)
        {
            if (person.GivenName.Length > 0 || person.FamilyName.Length > 0 || person.BirthDate.Length > 0)
            {
                categories.Add(DataCategory.Identifying);
            }

            if (person.PhoneNumber.Length > 0 || person.EmailAddress.Length > 0)
            {
                categories.Add(DataCategory.Contact);
            }
        }

        return categories;
    }

    /// <summary>What a change of status processes: the involvement it records, and case text when it adds some.</summary>
    public static IReadOnlyList<DataCategory> OfChange(bool withText) =>
        withText ? [DataCategory.Pseudonym, DataCategory.Involvement, DataCategory.Case] : [DataCategory.Pseudonym, DataCategory.Involvement];
}
