using Grpc.Testing;
using Interop.Grpc.Tools.Internal;
using Interop.Testing.Options;

namespace Interop.Grpc.Tools.Tests;

public sealed class CSharpNamesTests
{
    [Theory]
    [InlineData("grpc.testing", "Grpc.Testing")]
    [InlineData("grpc.health.v1", "Grpc.Health.V1")]
    [InlineData("grpc.reflection.v1alpha", "Grpc.Reflection.V1Alpha")]
    [InlineData("foo_bar.baz_qux", "FooBar.BazQux")]
    [InlineData("my.API.v2beta", "My.API.V2Beta")]
    public void Namespace_FromPackage_PascalCasesEachSegment(string package, string expected) =>
        Assert.Equal(expected, CSharpNames.Namespace(package, csharpNamespace: null));

    [Fact]
    public void Namespace_WithCsharpNamespaceOption_UsesOptionVerbatim() =>
        Assert.Equal("Interop.Testing.Options", CSharpNames.Namespace(TestOptionsReflection.Descriptor));

    [Theory]
    [InlineData("foo_bar", "FooBar")]
    [InlineData("foo2bar", "Foo2Bar")]
    [InlineData("foo__bar", "FooBar")]
    [InlineData("FOO_bar", "FOOBar")]
    [InlineData("test-options", "TestOptions")]
    [InlineData("_leading", "Leading")]
    [InlineData("", "")]
    public void ToPascalCase_FollowsProtocRules(string input, string expected) =>
        Assert.Equal(expected, CSharpNames.ToPascalCase(input));

    [Fact]
    public void UnderscoresToCamelCase_NotCapitalized_LowersLeadingCapital() =>
        Assert.Equal("fooBar", CSharpNames.UnderscoresToCamelCase("Foo_bar", capitalizeFirst: false));

    [Theory]
    [InlineData("grpc/testing/test.proto", "TestReflection")]
    [InlineData("grpc/health/v1/health.proto", "HealthReflection")]
    [InlineData("interop/options/test_options.proto", "TestOptionsReflection")]
    [InlineData("plain.protodevel", "PlainReflection")]
    public void ReflectionClassName_FromFileName_PascalCasePlusReflection(string file, string expected) =>
        Assert.Equal(expected, CSharpNames.ReflectionClassName(file));

    [Theory]
    [InlineData("grpc/testing/test.proto", "grpc/testing/TestGrpc.cs")]
    [InlineData("grpc/reflection/v1alpha/reflection.proto", "grpc/reflection/v1alpha/ReflectionGrpc.cs")]
    [InlineData("test_options.proto", "TestOptionsGrpc.cs")]
    public void OutputFileName_KeepsProtoDirectory(string file, string expected) =>
        Assert.Equal(expected, CodeGenerator.OutputFileName(file));

    [Theory]
    [InlineData("interop.testing.options.Outer.Inner", "interop.testing.options", "Outer.Types.Inner")]
    [InlineData("a.B.C.D", "a", "B.Types.C.Types.D")]
    [InlineData("Top", "", "Top")]
    [InlineData("Top.Nested", "", "Top.Types.Nested")]
    public void NestedTypeName_NestedMessages_GoThroughTypes(string fullName, string package, string expected) =>
        Assert.Equal(expected, CSharpNames.NestedTypeName(fullName, package));

    [Fact]
    public void QualifiedTypeName_NestedMessage_IsGlobalQualified() =>
        Assert.Equal("global::Interop.Testing.Options.Outer.Types.Inner", CSharpNames.QualifiedTypeName(Outer.Types.Inner.Descriptor));

    [Fact]
    public void QualifiedTypeName_WellKnownType_UsesImportedFilesNamespace() =>
        Assert.Equal(
            "global::Google.Protobuf.WellKnownTypes.Empty",
            CSharpNames.QualifiedTypeName(Google.Protobuf.WellKnownTypes.Empty.Descriptor));

    [Fact]
    public void QualifiedTypeName_PackageMessage_UsesPascalCasedPackage() =>
        Assert.Equal("global::Grpc.Testing.SimpleRequest", CSharpNames.QualifiedTypeName(SimpleRequest.Descriptor));

    [Fact]
    public void QualifiedReflectionClassName_File_IsReflectionClass() =>
        Assert.Equal("global::Grpc.Testing.TestReflection", CSharpNames.QualifiedReflectionClassName(TestReflection.Descriptor));

    [Theory]
    [InlineData("lock", "@lock")]
    [InlineData("event", "@event")]
    [InlineData("Lock", "Lock")]
    [InlineData("EmptyCall", "EmptyCall")]
    public void EscapeKeyword_OnlyKeywordsGetAt(string name, string expected) =>
        Assert.Equal(expected, CSharpNames.EscapeKeyword(name));
}
