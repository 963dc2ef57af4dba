using System.Buffers;
using Interop.Grpc;

namespace Interop.Federation.Tests.Client;

/// <summary>Records the options of every call and answers with canned, already finished calls.</summary>
public sealed class FakeCallInvoker : CallInvoker
{
    public static readonly Marshaller<string> StringMarshaller = new Utf8Marshaller();

    public List<CallOptions> Calls { get; } = [];

    public List<string> Written { get; } = [];

    public static Method<string, string> Method(MethodType type) => new(type, "interop.Test", "Call", StringMarshaller, StringMarshaller);

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
    {
        Calls.Add(options);
        return new AsyncUnaryCall<TResponse>(Task.FromResult((TResponse)(object)("reply:" + request)), State());
    }

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
    {
        Calls.Add(options);
        return new AsyncServerStreamingCall<TResponse>(new Reader<TResponse>([(TResponse)(object)"one", (TResponse)(object)"two"]), State());
    }

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options)
    {
        Calls.Add(options);
        var writer = new Writer<TRequest>(Written);
        return new AsyncClientStreamingCall<TRequest, TResponse>(writer, writer.Completed.Task.ContinueWith(_ => (TResponse)(object)string.Join(",", Written), TaskScheduler.Default), State());
    }

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options)
    {
        Calls.Add(options);
        return new AsyncDuplexStreamingCall<TRequest, TResponse>(new Writer<TRequest>(Written), new Reader<TResponse>([(TResponse)(object)"dup"]), State());
    }

    private static AsyncCallState State() => new(Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => new Metadata(), () => { });

    private sealed class Reader<T>(T[] items) : IAsyncStreamReader<T>
    {
        private int _index = -1;

        public T Current => items[_index];

        public Task<bool> MoveNext(CancellationToken cancellationToken) => Task.FromResult(++_index < items.Length);
    }

    private sealed class Writer<T>(List<string> written) : IClientStreamWriter<T>
    {
        public TaskCompletionSource Completed { get; } = new();

        public WriteOptions? WriteOptions { get; set; }

        public Task WriteAsync(T message) => WriteAsync(message, CancellationToken.None);

        public Task WriteAsync(T message, CancellationToken cancellationToken)
        {
            written.Add((string)(object)message!);
            return Task.CompletedTask;
        }

        public Task CompleteAsync()
        {
            Completed.TrySetResult();
            return Task.CompletedTask;
        }
    }

    private sealed class Utf8Marshaller : Marshaller<string>
    {
        public override int GetSize(string message) => System.Text.Encoding.UTF8.GetByteCount(message);

        public override void Serialize(string message, Span<byte> destination) => System.Text.Encoding.UTF8.GetBytes(message, destination);

        public override string Deserialize(ReadOnlySequence<byte> data) => System.Text.Encoding.UTF8.GetString(data.ToArray());
    }
}
