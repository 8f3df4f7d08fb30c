using Dealership.Application.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Dealership.Application.Jobs;

/// <summary>
/// Recurring job: Idempotency-Keys are honoured for 48 hours (clients retry within minutes; a day covers
/// overnight batch retries), after which the stored responses are deleted in one set-based statement.
/// </summary>
public sealed class PurgeExpiredIdempotencyRecords(DealershipDbContext db, TimeProvider clock, ILogger<PurgeExpiredIdempotencyRecords> logger)
{
    public static readonly TimeSpan RetentionPeriod = TimeSpan.FromHours(48);

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - RetentionPeriod;
        var deleted = await db.IdempotencyRecords.Where(r => r.CreatedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        logger.LogInformation("Purged {Count} idempotency records older than {Cutoff:u}", deleted, cutoff);
        return deleted;
    }
}
