using Google.Protobuf;
using Google.Protobuf.Compiler;
using Google.Protobuf.Reflection;

namespace Interop.Grpc.Tools.Internal;

/// <summary>Turns a protoc <see cref="CodeGeneratorRequest"/> into the generated service files.</summary>
internal static class CodeGenerator
{
    public static CodeGeneratorResponse Generate(CodeGeneratorRequest request)
    {
        // proto3 `optional` only changes message code, which protoc's C# generator writes; we must still declare
        // support or protoc refuses to run the plugin on such files.
        var response = new CodeGeneratorResponse
        {
            SupportedFeatures = (ulong)CodeGeneratorResponse.Types.Feature.Proto3Optional,
        };

        var errors = new List<string>();
        var options = GeneratorOptions.Parse(request.Parameter, errors);
        if (errors.Count > 0)
        {
            response.Error = string.Join("; ", errors);
            return response;
        }

        IReadOnlyList<FileDescriptor> files;
        try
        {
            // protoc lists every file after its dependencies, which is the order BuildFromByteStrings needs.
            files = FileDescriptor.BuildFromByteStrings(request.ProtoFile.Select(f => f.ToByteString()));
        }
        catch (Exception ex) when (ex is DescriptorValidationException or ArgumentException or InvalidProtocolBufferException)
        {
            response.Error = "cannot build descriptors: " + ex.Message;
            return response;
        }

        var byName = files.ToDictionary(f => f.Name, StringComparer.Ordinal);
        foreach (var name in request.FileToGenerate)
        {
            if (!byName.TryGetValue(name, out var file))
            {
                errors.Add($"{name}: not in the request's proto_file list");
                continue;
            }

            if (file.Services.Count == 0)
            {
                continue;
            }

            response.File.Add(new CodeGeneratorResponse.Types.File
            {
                Name = OutputFileName(file.Name),
                Content = ServiceGenerator.GenerateFile(file, options),
            });
        }

        if (errors.Count > 0)
        {
            response.Error = string.Join("; ", errors);
            response.File.Clear();
        }

        return response;
    }

    /// <summary>
    /// <c>grpc/testing/test.proto</c> gives <c>grpc/testing/TestGrpc.cs</c>: the proto's directory is kept so files
    /// with the same name in different packages (reflection v1 and v1alpha) do not overwrite each other, mirroring
    /// where Grpc.Tools puts the message code.
    /// </summary>
    public static string OutputFileName(string protoFileName)
    {
        var slash = protoFileName.LastIndexOf('/');
        var directory = slash < 0 ? string.Empty : protoFileName[..(slash + 1)];
        return directory + CSharpNames.FileNameBase(protoFileName) + "Grpc.cs";
    }
}
