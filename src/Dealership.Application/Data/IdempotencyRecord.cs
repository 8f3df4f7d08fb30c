namespace Dealership.Application.Data;

/// <summary>
/// The stored outcome of a command sent with an Idempotency-Key. It is written in the same transaction as
/// the command's own changes, so either both exist or neither does, and a retry replays this response.
/// </summary>
public sealed class IdempotencyRecord
{
    public Guid Id { get; set; }

    /// <summary>Whose key this is (the staff member's id): two callers may pick the same key independently.</summary>
    public string Scope { get; set; } = "";

    public string Key { get; set; } = "";

    /// <summary>SHA-256 of method, path and body: the same key with a different request is refused with 422.</summary>
    public string RequestHash { get; set; } = "";

    public int StatusCode { get; set; }

    public string? ContentType { get; set; }

    public string? Location { get; set; }

    public string? ETag { get; set; }

    public byte[] Body { get; set; } = [];

    public DateTime CreatedAt { get; set; }
}
