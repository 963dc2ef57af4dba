using Google.Protobuf.Reflection;

namespace Interop.Grpc.Tools.Internal;

internal static partial class ServiceGenerator
{
    private static void WriteServerBase(CodeWriter writer, ServiceDescriptor service)
    {
        writer.Line($"/// <summary>Base class for server-side implementations of {service.FullName}.</summary>");
        writer.Line($"[{Core}BindServiceMethod(typeof({CSharpNames.EscapeKeyword(service.Name)}), \"BindService\")]");
        using (writer.Block($"public abstract partial class {service.Name}Base"))
        {
            for (var i = 0; i < service.Methods.Count; i++)
            {
                var method = service.Methods[i];
                if (i > 0)
                {
                    writer.Line();
                }

                DocComments.Write(writer, method, $"Handles {method.FullName}; throws Unimplemented unless overridden.");
                WriteObsoleteIfDeprecated(writer, IsDeprecated(method));
                var name = CSharpNames.EscapeKeyword(method.Name);
                var request = RequestType(method);
                var response = ResponseType(method);
                var signature = (method.IsClientStreaming, method.IsServerStreaming) switch
                {
                    (false, false) => $"global::System.Threading.Tasks.Task<{response}> {name}({request} request, {Core}ServerCallContext context)",
                    (true, false) => $"global::System.Threading.Tasks.Task<{response}> {name}({Core}IAsyncStreamReader<{request}> requestStream, {Core}ServerCallContext context)",
                    (false, true) => $"global::System.Threading.Tasks.Task {name}({request} request, {Core}IServerStreamWriter<{response}> responseStream, {Core}ServerCallContext context)",
                    (true, true) => $"global::System.Threading.Tasks.Task {name}({Core}IAsyncStreamReader<{request}> requestStream, {Core}IServerStreamWriter<{response}> responseStream, {Core}ServerCallContext context)",
                };
                writer.Line($"public virtual {signature}");
                writer.Line("{");
                writer.Line($"    throw new {Core}RpcException(new {Core}Status({Core}StatusCode.Unimplemented, \"\"));");
                writer.Line("}");
            }
        }
    }

    private static void WriteBindService(CodeWriter writer, ServiceDescriptor service)
    {
        var baseName = service.Name + "Base";
        writer.Line($"/// <summary>Registers every method of {service.FullName} with <paramref name=\"serviceBinder\"/>; handlers receive the service instance per call.</summary>");
        writer.Line("/// <param name=\"serviceBinder\">Receives the methods.</param>");
        using (writer.Block($"public static void BindService({Core}ServiceBinderBase serviceBinder)"))
        {
            foreach (var method in service.Methods)
            {
                var name = CSharpNames.EscapeKeyword(method.Name);
                var request = RequestType(method);
                var response = ResponseType(method);
                // Typed lambda parameters pick the AddMethod overload of the call kind without relying on overload
                // resolution rejecting the other kinds' bodies.
                var lambda = (method.IsClientStreaming, method.IsServerStreaming) switch
                {
                    (false, false) => $"static ({baseName} service, {request} request, {Core}ServerCallContext context) => service.{name}(request, context)",
                    (true, false) => $"static ({baseName} service, {Core}IAsyncStreamReader<{request}> requestStream, {Core}ServerCallContext context) => service.{name}(requestStream, context)",
                    (false, true) => $"static ({baseName} service, {request} request, {Core}IServerStreamWriter<{response}> responseStream, {Core}ServerCallContext context) => service.{name}(request, responseStream, context)",
                    (true, true) => $"static ({baseName} service, {Core}IAsyncStreamReader<{request}> requestStream, {Core}IServerStreamWriter<{response}> responseStream, {Core}ServerCallContext context) => service.{name}(requestStream, responseStream, context)",
                };
                writer.Line($"serviceBinder.AddMethod<{baseName}, {request}, {response}>({MethodField(method)}, {lambda});");
            }
        }
    }
}
