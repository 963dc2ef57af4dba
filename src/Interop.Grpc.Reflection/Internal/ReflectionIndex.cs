using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Interop.Grpc.Reflection.Internal;

/// <summary>
/// What reflection can answer: the listed services and every file they need, with lookups by file name, symbol and
/// extension. Built once from descriptors; immutable afterwards.
/// </summary>
internal sealed class ReflectionIndex
{
    private readonly Dictionary<string, FileDescriptor> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FileDescriptor> _symbols = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MessageDescriptor> _messages = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Extendee, int Number), FileDescriptor> _extensions = [];

    private ReflectionIndex(IReadOnlyList<string> services) => Services = services;

    /// <summary>The fully qualified names of the services, in the order they were given, each once.</summary>
    public IReadOnlyList<string> Services { get; }

    /// <summary>
    /// Indexes <paramref name="files"/> and all their transitive dependencies, so symbols used by a service
    /// (request messages in imported files, well-known types) can be found too.
    /// </summary>
    public static ReflectionIndex Create(IEnumerable<string> serviceNames, IEnumerable<FileDescriptor> files)
    {
        var index = new ReflectionIndex(serviceNames.Distinct(StringComparer.Ordinal).ToList());
        foreach (var file in files)
        {
            index.AddFile(file);
        }

        return index;
    }

    public FileDescriptor? FindFile(string name) => _files.GetValueOrDefault(name);

    public FileDescriptor? FindFileContainingSymbol(string symbol) => _symbols.GetValueOrDefault(symbol.TrimStart('.'));

    public FileDescriptor? FindFileContainingExtension(string extendee, int number) =>
        _extensions.GetValueOrDefault((extendee.TrimStart('.'), number));

    /// <summary>The extension numbers of a known message type (possibly none), or null when the type is unknown.</summary>
    public IReadOnlyList<int>? FindExtensionNumbers(string messageType)
    {
        var name = messageType.TrimStart('.');
        if (!_messages.ContainsKey(name))
        {
            return null;
        }

        return _extensions.Keys.Where(k => k.Extendee == name).Select(k => k.Number).Order().ToList();
    }

    /// <summary>
    /// <paramref name="file"/> first, then its transitive dependencies, each once: what a client needs to build the
    /// file's descriptors (grpc reflection.proto, FileDescriptorResponse).
    /// </summary>
    public static IReadOnlyList<ByteString> WithDependencies(FileDescriptor file)
    {
        var result = new List<ByteString>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<FileDescriptor>();
        pending.Push(file);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (!seen.Add(current.Name))
            {
                continue;
            }

            result.Add(current.SerializedData);
            for (var i = current.Dependencies.Count - 1; i >= 0; i--)
            {
                pending.Push(current.Dependencies[i]);
            }
        }

        return result;
    }

    private void AddFile(FileDescriptor file)
    {
        if (!_files.TryAdd(file.Name, file))
        {
            return;
        }

        foreach (var dependency in file.Dependencies)
        {
            AddFile(dependency);
        }

        foreach (var service in file.Services)
        {
            AddSymbol(service.FullName, file);
            foreach (var method in service.Methods)
            {
                AddSymbol(method.FullName, file);
            }
        }

        foreach (var message in file.MessageTypes)
        {
            AddMessage(message, file);
        }

        foreach (var enumType in file.EnumTypes)
        {
            AddEnum(enumType, file.Package, file);
        }

        AddExtensions(file.Extensions.UnorderedExtensions, file);
    }

    private void AddMessage(MessageDescriptor message, FileDescriptor file)
    {
        AddSymbol(message.FullName, file);
        _messages.TryAdd(message.FullName, message);
        foreach (var field in message.Fields.InDeclarationOrder())
        {
            AddSymbol(field.FullName, file);
        }

        foreach (var oneof in message.Oneofs)
        {
            AddSymbol(oneof.FullName, file);
        }

        foreach (var nested in message.NestedTypes)
        {
            AddMessage(nested, file);
        }

        foreach (var enumType in message.EnumTypes)
        {
            AddEnum(enumType, message.FullName, file);
        }

        AddExtensions(message.Extensions.UnorderedExtensions, file);
    }

    private void AddEnum(EnumDescriptor enumType, string scope, FileDescriptor file)
    {
        AddSymbol(enumType.FullName, file);
        foreach (var value in enumType.Values)
        {
            // Enum values are siblings of their enum in protobuf scoping (pkg.VALUE); the nested spelling
            // (pkg.Enum.VALUE) is accepted as well.
            AddSymbol(scope.Length == 0 ? value.Name : scope + "." + value.Name, file);
            AddSymbol(value.FullName, file);
        }
    }

    private void AddExtensions(IEnumerable<FieldDescriptor> extensions, FileDescriptor file)
    {
        foreach (var extension in extensions)
        {
            AddSymbol(extension.FullName, file);
            _extensions.TryAdd((extension.ExtendeeType.FullName, extension.FieldNumber), file);
        }
    }

    private void AddSymbol(string name, FileDescriptor file) => _symbols.TryAdd(name, file);
}
