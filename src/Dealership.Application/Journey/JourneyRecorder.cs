using Dealership.Application.Data;
using Dealership.Domain.Custody;
using Dealership.Domain.Journey;
using Dealership.Domain.Promises;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Journey;

/// <summary>
/// Puts promises and custody on the customer's one timeline wherever they are made: a promise made, kept, broken,
/// moved or withdrawn; a car, keys or title taken into our care and handed back. Run by the unit of work just
/// before it saves, so the touchpoint commits with the change that caused it and no feature can forget it.
/// </summary>
public sealed class JourneyRecorder(DealershipDbContext db)
{
    public void Record()
    {
        foreach (var entry in db.ChangeTracker.Entries<CustomerPromise>().ToList())
        {
            var promise = entry.Entity;
            if (entry.State == EntityState.Added)
            {
                Add(promise.CustomerId, promise.SiteId, promise.CreatedAt, TouchpointKind.PromiseChanged, true, $"Promise made: {promise.Description}", promise.OwnerStaffId,
                    promise.SubjectType, promise.SubjectId);
            }
            else if (entry.State == EntityState.Modified && entry.Property(p => p.State).IsModified && entry.Property(p => p.State).OriginalValue is PromiseState.Open
                && promise.State != PromiseState.Open)
            {
                var what = promise.State switch
                {
                    PromiseState.Kept => "Promise kept",
                    PromiseState.Broken => "Promise broken",
                    PromiseState.Renegotiated => "Promise moved",
                    _ => "Promise withdrawn",
                };
                Add(promise.CustomerId, promise.SiteId, promise.ResolvedAt ?? promise.DueAt, TouchpointKind.PromiseChanged, false,
                    $"{what}: {promise.Description}{(promise.ResolutionNote is { Length: > 0 } note ? $" ({note})" : "")}", promise.OwnerStaffId, promise.SubjectType, promise.SubjectId);
            }
        }

        foreach (var entry in db.ChangeTracker.Entries<CustodyRecord>().ToList())
        {
            var record = entry.Entity;
            if (entry.State == EntityState.Added)
            {
                Add(record.CustomerId, record.SiteId, record.Since, TouchpointKind.StatusChanged, false, $"In our care: {Describe(record)}", record.HolderStaffId,
                    record.SubjectType, record.SubjectId);
            }
            else if (entry.State == EntityState.Modified && entry.Property(r => r.ReleasedAt).IsModified && record.ReleasedAt is { } released)
            {
                Add(record.CustomerId, record.SiteId, released, TouchpointKind.StatusChanged, false, $"Handed back: {Describe(record)} to {record.ReleasedTo ?? "the customer"}",
                    record.ReleasedBy, record.SubjectType, record.SubjectId);
            }
        }
    }

    private static string Describe(CustodyRecord record) => record.Item switch
    {
        CustodyItem.KeySet => $"{record.Count} key{(record.Count == 1 ? "" : "s")} of the {record.Description}",
        CustodyItem.TitleDocument => $"the title of the {record.Description}",
        _ => $"the {record.Description}",
    };

    private void Add(Guid customerId, Guid siteId, DateTime at, TouchpointKind kind, bool proactive, string summary, Guid? staffId, string? subjectType, Guid? subjectId) =>
        db.Touchpoints.Add(new Touchpoint(customerId, siteId, at, kind, TouchpointDirection.Internal, TouchpointActor.Dealer, proactive, summary, staffId, subjectType, subjectId));
}
