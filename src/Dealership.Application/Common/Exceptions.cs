namespace Dealership.Application.Common;

/// <summary>The record does not exist, or is not the caller's to see (we never reveal which). HTTP 404.</summary>
public sealed class NotFoundException : Exception
{
    public NotFoundException(string what, object id) : base($"{what} {id} was not found.") { }

    public NotFoundException() { }

    public NotFoundException(string message) : base(message) { }

    public NotFoundException(string message, Exception innerException) : base(message, innerException) { }
}

/// <summary>The client's If-Match names an older version than the stored one. HTTP 412.</summary>
public sealed class PreconditionFailedException : Exception
{
    public PreconditionFailedException(string what, long expected, long actual)
        : base($"{what} has changed since you loaded it (you have version {expected}, the current version is {actual}). Reload it and apply your change again.")
    {
        CurrentVersion = actual;
    }

    public PreconditionFailedException() { }

    public PreconditionFailedException(string message) : base(message) { }

    public PreconditionFailedException(string message, Exception innerException) : base(message, innerException) { }

    public long CurrentVersion { get; }
}

/// <summary>The caller is signed in but their role or sites do not allow this. HTTP 403.</summary>
public sealed class ForbiddenException : Exception
{
    public ForbiddenException(string message) : base(message) { }

    public ForbiddenException() { }

    public ForbiddenException(string message, Exception innerException) : base(message, innerException) { }
}
