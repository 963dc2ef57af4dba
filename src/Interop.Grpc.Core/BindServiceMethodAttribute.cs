using System.Diagnostics.CodeAnalysis;

namespace Interop.Grpc;

/// <summary>
/// Put by the code generator on a service base class: names the static method that binds the service's methods
/// (<c>static void BindService(ServiceBinderBase binder)</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true, AllowMultiple = false)]
public sealed class BindServiceMethodAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    public BindServiceMethodAttribute(
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.NonPublicMethods)] Type bindType,
        string bindMethodName)
    {
        BindType = bindType;
        BindMethodName = bindMethodName;
    }

    /// <summary>The type holding the bind method.</summary>
    [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.NonPublicMethods)]
    public Type BindType { get; }

    /// <summary>The name of the bind method.</summary>
    public string BindMethodName { get; }
}
