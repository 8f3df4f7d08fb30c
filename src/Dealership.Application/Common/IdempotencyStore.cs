using Dealership.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Common;

/// <summary>
/// Reads and writes idempotency records for the host's two callers (the API's Idempotency-Key filter and the
/// staff forms' submission keys), so the host reaches them without touching the DbContext. A record added here
/// is saved by the unit of work the caller runs, in the same transaction as the command (ADR 0007).
/// </summary>
public sealed class IdempotencyStore(DealershipDbContext db)
{
    public Task<IdempotencyRecord?> FindAsync(string scope, string key, CancellationToken ct) =>
        db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Scope == scope && r.Key == key, ct);

    public void Add(IdempotencyRecord record) => db.IdempotencyRecords.Add(record);
}
