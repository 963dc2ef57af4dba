namespace Interop.Admin;

/// <summary>A command was refused for a reason the user can fix (unknown partner, unreadable file); exit code 1.</summary>
internal sealed class AdminException(string message) : Exception(message);
