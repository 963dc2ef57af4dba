using System.Text.RegularExpressions;
using Google.Protobuf.Reflection;
using Interop.Contracts.V1;

namespace Interop.Contracts.Tests;

/// <summary>
/// Fields that hold personal data carry interop.v1.personal_data and a data_category: the processing log and the
/// status filter rely on the marking, so a forgotten one would leak silently.
/// </summary>
public sealed partial class PersonalDataTests
{
    // Field names that always hold personal data of a person: identifiers, names, birth date, contact details.
    [GeneratedRegex("(^|_)(bsn|subject_ref|given_name|family_name|first_name|last_name|full_name|contact_name|birth|phone|email|address|professional)(_|$)")]
    private static partial Regex PersonalFieldName();

    private static IEnumerable<FieldDescriptor> AllFields() =>
        CompiledContracts.Files.SelectMany(f => f.MessageTypes).SelectMany(Flatten).SelectMany(m => m.Fields.InDeclarationOrder());

    private static IEnumerable<MessageDescriptor> Flatten(MessageDescriptor message) =>
        message.NestedTypes.SelectMany(Flatten).Prepend(message);

    [Fact]
    public void FieldsNamedLikePersonalData_AreMarked()
    {
        var unmarked = AllFields()
            .Where(f => PersonalFieldName().IsMatch(f.Name))
            .Where(f => !(f.GetOptions()?.GetExtension(OptionsExtensions.PersonalData) ?? false))
            .Select(f => f.FullName)
            .ToArray();

        Assert.True(unmarked.Length == 0, "Named like personal data but not marked (personal_data):\n" + string.Join("\n", unmarked));
    }

    [Fact]
    public void MarkedFields_HaveCategory_AndCategoriesAreMarked()
    {
        var problems = new List<string>();
        foreach (var field in AllFields())
        {
            var options = field.GetOptions();
            var personal = options?.GetExtension(OptionsExtensions.PersonalData) ?? false;
            var category = options?.GetExtension(OptionsExtensions.DataCategory) ?? DataCategory.Unspecified;
            if (personal && category == DataCategory.Unspecified)
            {
                problems.Add($"{field.FullName}: personal_data without data_category");
            }
            else if (!personal && category != DataCategory.Unspecified)
            {
                problems.Add($"{field.FullName}: data_category without personal_data");
            }
            else if (personal && field.FieldType is FieldType.Message or FieldType.Group)
            {
                problems.Add($"{field.FullName}: mark the leaf fields of {field.MessageType.FullName}, not the message field");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void KnownPersonalFields_CarryTheirCategory()
    {
        // A few anchors, so the two tests above cannot pass on an empty or unmarked contract.
        static DataCategory CategoryOf(MessageDescriptor message, string field) =>
            message.FindFieldByName(field).GetOptions().GetExtension(OptionsExtensions.DataCategory);

        Assert.Equal(DataCategory.Bsn, CategoryOf(Subject.Descriptor, "bsn"));
        Assert.Equal(DataCategory.Pseudonym, CategoryOf(Subject.Descriptor, "subject_ref"));
        Assert.Equal(DataCategory.Identifying, CategoryOf(PersonDetails.Descriptor, "birth_date"));
        Assert.Equal(DataCategory.Case, CategoryOf(Referral.Descriptor, "reason"));
        Assert.Contains(AllFields(), f => f.Name == "bsn");
    }

    [Fact]
    public void Pattern_FlagsPersonalNames_NotOrganisationNames()
    {
        Assert.Matches(PersonalFieldName(), "bsn");
        Assert.Matches(PersonalFieldName(), "birth_date");
        Assert.Matches(PersonalFieldName(), "contact_email_address");
        Assert.DoesNotMatch(PersonalFieldName(), "display_name");
        Assert.DoesNotMatch(PersonalFieldName(), "receiver_oin");
    }
}
