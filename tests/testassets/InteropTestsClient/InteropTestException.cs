namespace InteropTestsClient;

/// <summary>A test case's assertion failed; the message says what was expected and what came.</summary>
public sealed class InteropTestException(string message) : Exception(message);
