using System.Text.RegularExpressions;
using Interop.Contracts.V1;

namespace Interop.Contracts.Tests;

/// <summary>Every RPC declares the scope it needs, following the scheme documented in protos/interop/v1/options.proto.</summary>
public sealed partial class RequiredScopeTests
{
    // The resource part of the scope for each service: "<resource>.<action>".
    private static readonly Dictionary<string, string> ResourceOfService = new(StringComparer.Ordinal)
    {
        ["interop.v1.ReferralService"] = "referrals",
        ["interop.v1.ConsentService"] = "consent",
        ["interop.v1.PlanHandoverService"] = "handovers",
        ["interop.v1.StatusService"] = "status",
        ["interop.v1.NotificationService"] = "notifications",
        ["interop.v1.ProcessingLogService"] = "processing-log",
        ["interop.v1.DirectoryService"] = "directory",
    };

    [GeneratedRegex("^(?<resource>[a-z]+(-[a-z]+)*)\\.(?<action>read|write|inzage)$")]
    private static partial Regex ScopePattern();

    [Fact]
    public void EveryMethod_DeclaresScopeOfItsService()
    {
        var problems = new List<string>();
        var services = CompiledContracts.Files.SelectMany(f => f.Services).ToArray();
        foreach (var service in services)
        {
            if (!ResourceOfService.TryGetValue(service.FullName, out var resource))
            {
                problems.Add($"{service.FullName}: no scope resource agreed for this service (add it to options.proto's scheme and this test)");
                continue;
            }

            foreach (var method in service.Methods)
            {
                var options = method.GetOptions();
                var scope = options is not null && options.HasExtension(OptionsExtensions.RequiredScope) ? options.GetExtension(OptionsExtensions.RequiredScope) : null;
                var match = scope is null ? null : ScopePattern().Match(scope);
                if (match is null || !match.Success)
                {
                    problems.Add($"{method.FullName}: required_scope '{scope}' is missing or not <resource>.<read|write|inzage>");
                }
                else if (match.Groups["resource"].Value != resource)
                {
                    problems.Add($"{method.FullName}: required_scope '{scope}' should start with '{resource}.'");
                }
            }
        }

        Assert.Equal(ResourceOfService.Count, services.Length);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void ReadingMethods_NeedReadScope()
    {
        // Get/List/Check and streams only look at data: a write scope must not be needed (nor suffice) for them.
        var readers = CompiledContracts.Files.SelectMany(f => f.Services).SelectMany(s => s.Methods)
            .Where(m => m.Name.StartsWith("Get", StringComparison.Ordinal) || m.Name.StartsWith("List", StringComparison.Ordinal) || m.Name.StartsWith("Check", StringComparison.Ordinal))
            .ToArray();

        Assert.NotEmpty(readers);
        Assert.All(readers, m => Assert.DoesNotContain(".write", m.GetOptions().GetExtension(OptionsExtensions.RequiredScope), StringComparison.Ordinal));
    }

    [Fact]
    public void GeneratedMethodObjects_CarryTheScope()
    {
        // The hub's authorization reads the option from the Method<,> the generated service binds.
        var descriptor = ReferralService.SubmitReferralMethod.Descriptor;

        Assert.NotNull(descriptor);
        Assert.Equal("referrals.write", descriptor.GetOptions().GetExtension(OptionsExtensions.RequiredScope));
        Assert.Equal("/interop.v1.ReferralService/SubmitReferral", ReferralService.SubmitReferralMethod.FullName);
    }
}
