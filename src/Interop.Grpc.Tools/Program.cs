using Google.Protobuf;
using Google.Protobuf.Compiler;
using Interop.Grpc.Tools.Internal;

// protoc plugin protocol: a serialized CodeGeneratorRequest on stdin, a serialized CodeGeneratorResponse on stdout
// (google/protobuf/compiler/plugin.proto). Generation errors go into CodeGeneratorResponse.error so protoc reports
// them against the .proto file; the exit code stays 0 unless the request itself cannot be read.
CodeGeneratorRequest request;
try
{
    using var stdin = Console.OpenStandardInput();
    request = CodeGeneratorRequest.Parser.ParseFrom(stdin);
}
catch (InvalidProtocolBufferException ex)
{
    Console.Error.WriteLine("protoc-gen-interop: cannot read the CodeGeneratorRequest: " + ex.Message);
    return 1;
}

var response = CodeGenerator.Generate(request);
using var stdout = Console.OpenStandardOutput();
response.WriteTo(stdout);
return 0;
