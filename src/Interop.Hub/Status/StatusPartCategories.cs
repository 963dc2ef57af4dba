using System.Collections.Concurrent;
using Google.Protobuf.Reflection;
using Interop.Contracts.V1;

namespace Interop.Hub.JongereStatus;

/// <summary>
/// The categories of personal data each part of a status answer carries, read from the contract: every part shows
/// that organisations are involved with the jongere (<see cref="DataCategory.Involvement"/>), plus the
/// <c>data_category</c> of every field marked <c>personal_data</c> in the part's message, followed through nested
/// messages (the regisseur's contact details make the regisseur part carry <see cref="DataCategory.Professional"/>).
/// Reading the descriptors keeps the filter right when a field is added to a part.
/// </summary>
internal static class StatusPartCategories
{
    private static readonly ConcurrentDictionary<string, IReadOnlyList<DataCategory>> Cache = new(StringComparer.Ordinal);

    private static readonly ConcurrentDictionary<string, IReadOnlyList<DataCategory>> BasisCache = new(StringComparer.Ordinal);

    /// <summary>The categories of the part whose message is <paramref name="part"/>, in enum order.</summary>
    public static IReadOnlyList<DataCategory> Of(MessageDescriptor part)
    {
        ArgumentNullException.ThrowIfNull(part);
        return Cache.GetOrAdd(part.FullName, _ =>
        {
            var categories = new SortedSet<DataCategory> { DataCategory.Involvement };
            Collect(part, categories, []);
            return [.. categories];
        });
    }

    /// <summary>
    /// The categories of the part that are the jongere's data, to ask the basis for: all but
    /// <see cref="DataCategory.Professional"/>, which is a professional's data and not governed by the jongere's
    /// consent (options.proto); a part carrying it is still logged with it.
    /// </summary>
    public static IReadOnlyList<DataCategory> ForBasis(MessageDescriptor part)
    {
        ArgumentNullException.ThrowIfNull(part);
        return BasisCache.GetOrAdd(part.FullName, _ => [.. Of(part).Where(c => c != DataCategory.Professional)]);
    }

    /// <summary>The categories marked on the fields of <paramref name="message"/> and the messages it holds.</summary>
    public static void Collect(MessageDescriptor message, ISet<DataCategory> categories, HashSet<string> seen)
    {
        if (!seen.Add(message.FullName))
        {
            return;
        }

        foreach (var field in message.Fields.InFieldNumberOrder())
        {
            var options = field.GetOptions();
            if (options is not null && options.GetExtension(OptionsExtensions.PersonalData)
                && options.GetExtension(OptionsExtensions.DataCategory) is var category and not DataCategory.Unspecified)
            {
                categories.Add(category);
            }

            if (field.FieldType == FieldType.Message)
            {
                Collect(field.MessageType, categories, seen);
            }
        }
    }
}
