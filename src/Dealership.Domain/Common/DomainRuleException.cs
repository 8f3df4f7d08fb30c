namespace Dealership.Domain.Common;

/// <summary>
/// Thrown when an action is not allowed in the current state of a record (wrong milestone order, a
/// contact already in use...). The message is written for the person who made the request: it says
/// what is wrong and what to do instead. Mapped to HTTP 409.
/// </summary>
public sealed class DomainRuleException : Exception
{
    public DomainRuleException(string message) : base(message) { }

    public DomainRuleException(string message, string code) : base(message) => Code = code;

    public DomainRuleException() { }

    public DomainRuleException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>A stable, machine-readable reason (for example <c>contact-in-use</c>).</summary>
    public string? Code { get; }

    /// <summary>Extra facts a client may act on (for example the id of the existing customer).</summary>
    public IDictionary<string, object?> Facts { get; } = new Dictionary<string, object?>();
}
