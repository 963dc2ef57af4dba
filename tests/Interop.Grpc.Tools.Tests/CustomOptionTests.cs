using Interop.Testing.Options;

namespace Interop.Grpc.Tools.Tests;

public sealed class CustomOptionTests
{
    [Fact]
    public void RequiredScope_FromGeneratedMethod_IsReadable()
    {
        var options = ScopedService.ReadThingMethod.Descriptor!.GetOptions();

        Assert.Equal("things.read", options.GetExtension(TestOptionsExtensions.RequiredScope));
    }

    [Fact]
    public void RequiredScope_StreamingMethod_IsReadable() =>
        Assert.Equal("things.list", ScopedService.ListThingsMethod.Descriptor!.GetOptions().GetExtension(TestOptionsExtensions.RequiredScope));

    [Fact]
    public void RequiredScope_MethodWithoutOption_IsAbsent()
    {
        var options = ScopedService.ReadThingOldMethod.Descriptor!.GetOptions();

        Assert.False(options.HasExtension(TestOptionsExtensions.RequiredScope));
        Assert.True(options.Deprecated);
    }
}
