namespace Interop.Federation.Benchmarks;

/// <summary>The node's authorization mode, as a DI service for <see cref="BenchService"/>.</summary>
internal sealed record NodeSettings(AuthorizationMode Mode);
