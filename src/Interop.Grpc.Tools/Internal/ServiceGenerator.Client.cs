using Google.Protobuf.Reflection;

namespace Interop.Grpc.Tools.Internal;

internal static partial class ServiceGenerator
{
    private const string HeadersParameters =
        Core + "Metadata? headers = null, global::System.DateTime? deadline = null, global::System.Threading.CancellationToken cancellationToken = default";

    private static void WriteClient(CodeWriter writer, ServiceDescriptor service)
    {
        var clientName = service.Name + "Client";
        writer.Line($"/// <summary>Client for {service.FullName}.</summary>");
        using (writer.Block($"public partial class {clientName} : {Core}ClientBase"))
        {
            writer.Line("/// <summary>A client calling on <paramref name=\"channel\"/>.</summary>");
            writer.Line("/// <param name=\"channel\">The channel to call on.</param>");
            writer.Line($"public {clientName}({Core}ChannelBase channel)");
            writer.Line("    : base(channel)");
            writer.Line("{");
            writer.Line("}");
            writer.Line();
            writer.Line("/// <summary>A client calling through <paramref name=\"callInvoker\"/>.</summary>");
            writer.Line("/// <param name=\"callInvoker\">Starts the calls.</param>");
            writer.Line($"public {clientName}({Core}CallInvoker callInvoker)");
            writer.Line("    : base(callInvoker)");
            writer.Line("{");
            writer.Line("}");
            foreach (var method in service.Methods)
            {
                WriteClientMethod(writer, method);
            }
        }
    }

    private static void WriteClientMethod(CodeWriter writer, MethodDescriptor method)
    {
        var request = RequestType(method);
        var response = ResponseType(method);
        var field = MethodField(method);
        var (returnType, name, requestParameter, requestArgument, invoke) = (method.IsClientStreaming, method.IsServerStreaming) switch
        {
            (false, false) => ($"{Core}AsyncUnaryCall<{response}>", method.Name + "Async", $"{request} request, ", "request, ", $"CallInvoker.AsyncUnaryCall({field}, null, options, request)"),
            (false, true) => ($"{Core}AsyncServerStreamingCall<{response}>", CSharpNames.EscapeKeyword(method.Name), $"{request} request, ", "request, ", $"CallInvoker.AsyncServerStreamingCall({field}, null, options, request)"),
            (true, false) => ($"{Core}AsyncClientStreamingCall<{request}, {response}>", CSharpNames.EscapeKeyword(method.Name), "", "", $"CallInvoker.AsyncClientStreamingCall({field}, null, options)"),
            (true, true) => ($"{Core}AsyncDuplexStreamingCall<{request}, {response}>", CSharpNames.EscapeKeyword(method.Name), "", "", $"CallInvoker.AsyncDuplexStreamingCall({field}, null, options)"),
        };
        var deprecated = IsDeprecated(method);
        var fallback = $"Calls {method.FullName}.";

        writer.Line();
        DocComments.Write(writer, method, fallback);
        WriteRequestParamDoc(writer, requestParameter);
        writer.Line("/// <param name=\"headers\">Headers to send, or null.</param>");
        writer.Line("/// <param name=\"deadline\">The deadline (UTC), or null for none.</param>");
        writer.Line("/// <param name=\"cancellationToken\">Cancels the call.</param>");
        WriteObsoleteIfDeprecated(writer, deprecated);
        writer.Line($"public virtual {returnType} {name}({requestParameter}{HeadersParameters})");
        writer.Line("{");
        writer.Line($"    return {name}({requestArgument}new {Core}CallOptions(headers, deadline, cancellationToken));");
        writer.Line("}");

        writer.Line();
        DocComments.Write(writer, method, fallback);
        WriteRequestParamDoc(writer, requestParameter);
        writer.Line("/// <param name=\"options\">The call options.</param>");
        WriteObsoleteIfDeprecated(writer, deprecated);
        writer.Line($"public virtual {returnType} {name}({requestParameter}{Core}CallOptions options)");
        writer.Line("{");
        writer.Line($"    return {invoke};");
        writer.Line("}");
    }

    private static void WriteRequestParamDoc(CodeWriter writer, string requestParameter)
    {
        if (requestParameter.Length > 0)
        {
            writer.Line("/// <param name=\"request\">The request message.</param>");
        }
    }
}
