using Interop.Contracts.V1;

namespace Interop.Hub.Referrals;

/// <summary>
/// The categories of personal data a referral carries, for the legal basis check and the processing records. Beyond
/// what the fields hold (the BSN the parties get, the subject_ref, the case text, person details when given), the
/// leefgebieden say what the free text is about: a zorg referral's reason is health data and a veiligheid one's is
/// justice data (special categories, AVG articles 9 and 10, which a consent must name explicitly), a financien en
/// schulden one's is financial data.
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

        AddSpecial(categories, content.Leefgebieden);
        return categories;
    }

    /// <summary>What a change of status with a text (decline, withdraw, outcome) processes.</summary>
    public static IReadOnlyList<DataCategory> OfChange(Referral content, bool withText)
    {
        var categories = new List<DataCategory> { DataCategory.Pseudonym, DataCategory.Involvement };
        if (withText)
        {
            categories.Add(DataCategory.Case);
            AddSpecial(categories, content.Leefgebieden);
        }

        return categories;
    }

    private static void AddSpecial(List<DataCategory> categories, IEnumerable<Leefgebied> leefgebieden)
    {
        foreach (var leefgebied in leefgebieden.Distinct().Order())
        {
            var category = leefgebied switch
            {
                Leefgebied.Zorg => DataCategory.Health,
                Leefgebied.Veiligheid => DataCategory.Justice,
                Leefgebied.FinancienSchulden => DataCategory.Financial,
                _ => DataCategory.Unspecified,
            };
            if (category != DataCategory.Unspecified && !categories.Contains(category))
            {
                categories.Add(category);
            }
        }
    }
}
