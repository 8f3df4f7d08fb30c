namespace Dealership.Application.Common;

/// <summary>
/// Commands that update an existing aggregate and may carry the version the caller last saw (If-Match).
/// </summary>
public interface IVersionedCommand
{
    long? ExpectedVersion { get; }
}
