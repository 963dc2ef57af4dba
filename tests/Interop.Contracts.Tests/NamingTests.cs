using System.Text;
using System.Text.RegularExpressions;
using Google.Protobuf.Reflection;

namespace Interop.Contracts.Tests;

/// <summary>The protobuf style guide, checked: names, enum value prefixes, UNSPECIFIED zero values, package and namespace.</summary>
public sealed partial class NamingTests
{
    [GeneratedRegex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$")]
    private static partial Regex LowerSnake();

    [GeneratedRegex("^[A-Z][A-Za-z0-9]*$")]
    private static partial Regex Pascal();

    [GeneratedRegex("^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$")]
    private static partial Regex UpperSnake();

    [Fact]
    public void Names_FollowStyleGuide()
    {
        var problems = new List<string>();
        var messages = CompiledContracts.Files.SelectMany(f => f.MessageTypes).ToArray();
        var enums = CompiledContracts.Files.SelectMany(f => f.EnumTypes).Concat(messages.SelectMany(m => m.EnumTypes)).ToArray();

        foreach (var message in messages)
        {
            Check(Pascal(), message.Name, message.FullName, problems);
            foreach (var field in message.Fields.InDeclarationOrder())
            {
                Check(LowerSnake(), field.Name, field.FullName, problems);
            }
        }

        foreach (var enumType in enums)
        {
            Check(Pascal(), enumType.Name, enumType.FullName, problems);
            var prefix = ToUpperSnake(enumType.Name) + "_";
            foreach (var value in enumType.Values)
            {
                Check(UpperSnake(), value.Name, $"{enumType.FullName}.{value.Name}", problems);
                if (!value.Name.StartsWith(prefix, StringComparison.Ordinal))
                {
                    problems.Add($"{enumType.FullName}.{value.Name}: not prefixed with {prefix}");
                }
            }

            if (enumType.FindValueByNumber(0)?.Name != prefix + "UNSPECIFIED")
            {
                problems.Add($"{enumType.FullName}: value 0 must be {prefix}UNSPECIFIED");
            }
        }

        foreach (var service in CompiledContracts.Files.SelectMany(f => f.Services))
        {
            Check(Pascal(), service.Name, service.FullName, problems);
            foreach (var method in service.Methods)
            {
                Check(Pascal(), method.Name, method.FullName, problems);
            }
        }

        Assert.NotEmpty(enums);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Files_ArePackageInteropV1_WithContractsNamespace()
    {
        var files = CompiledContracts.SourceInfoDescriptorSet().File;

        Assert.All(files, f =>
        {
            Assert.Equal("interop.v1", f.Package);
            Assert.Equal("proto3", f.Syntax);
            Assert.Equal("Interop.Contracts.V1", f.Options.CsharpNamespace);
            Assert.StartsWith("interop/v1/", f.Name, StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData("Leefgebied", "LEEFGEBIED")]
    [InlineData("DataCategory", "DATA_CATEGORY")]
    [InlineData("ReferralOutcomeCode", "REFERRAL_OUTCOME_CODE")]
    public void ToUpperSnake_SplitsWords(string name, string expected) => Assert.Equal(expected, ToUpperSnake(name));

    private static void Check(Regex pattern, string name, string where, List<string> problems)
    {
        if (!pattern.IsMatch(name))
        {
            problems.Add($"{where}: '{name}' does not match {pattern}");
        }
    }

    private static string ToUpperSnake(string pascal)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < pascal.Length; i++)
        {
            if (i > 0 && char.IsUpper(pascal[i]) && !char.IsUpper(pascal[i - 1]))
            {
                builder.Append('_');
            }

            builder.Append(char.ToUpperInvariant(pascal[i]));
        }

        return builder.ToString();
    }
}
