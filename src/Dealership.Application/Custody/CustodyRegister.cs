using Dealership.Application.Data;
using Dealership.Domain.Custody;
using Dealership.Domain.TradeIns;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Custody;

/// <summary>
/// Writes the custody register for the commands that move a customer's property: rows only, in the command's
/// unit of work, so the handover and its custody record commit together or not at all.
/// </summary>
public sealed class CustodyRegister(DealershipDbContext db)
{
    public const string TradeInSubject = "trade-in";

    /// <summary>A service visit: the car and its keys from check-in to collection.</summary>
    public const string VisitSubject = "appointment";

    /// <summary>The car and its keys, taken at the service desk's check-in.</summary>
    public IReadOnlyList<CustodyRecord> TakeVisitCar(Domain.Service.ServiceAppointment visit, string car, int keys, Guid staffId, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(visit);
        var records = new List<CustodyRecord>
        {
            new(visit.SiteId, visit.CustomerId, CustodyItem.Car, car, 1, VisitSubject, visit.Id, staffId, now),
            new(visit.SiteId, visit.CustomerId, CustodyItem.KeySet, car, keys, VisitSubject, visit.Id, staffId, now),
        };
        db.Custody.AddRange(records);
        return records;
    }

    /// <summary>The trade-in, its keys and (when the customer held it) its title, taken by <paramref name="staffId"/> now.</summary>
    public IReadOnlyList<CustodyRecord> TakeTradeIn(TradeIn tradeIn, Guid staffId, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(tradeIn);
        // The description names the car; what the item is (car, keys, title) is the record's kind, worded by each reader's page.
        var car = $"{tradeIn.Vehicle.Describe()}, VIN {tradeIn.Vehicle.Vin}";
        var records = new List<CustodyRecord>
        {
            new(tradeIn.SiteId, tradeIn.CustomerId, CustodyItem.Car, car, 1, TradeInSubject, tradeIn.Id, staffId, now),
            new(tradeIn.SiteId, tradeIn.CustomerId, CustodyItem.KeySet, tradeIn.Vehicle.Describe(), tradeIn.KeysReceived ?? 1, TradeInSubject, tradeIn.Id, staffId, now),
        };
        if (tradeIn.TitleReceived)
        {
            records.Add(new(tradeIn.SiteId, tradeIn.CustomerId, CustodyItem.TitleDocument, tradeIn.Vehicle.Describe(), 1, TradeInSubject, tradeIn.Id, staffId, now));
        }

        db.Custody.AddRange(records);
        return records;
    }

    /// <summary>Everything still held for the subject leaves, to <paramref name="to"/>.</summary>
    public async Task<IReadOnlyList<CustodyRecord>> ReleaseAsync(string subjectType, Guid subjectId, string to, Guid by, DateTime now, CancellationToken ct)
    {
        var open = await db.Custody.Where(c => c.SubjectType == subjectType && c.SubjectId == subjectId && c.ReleasedAt == null).ToListAsync(ct);
        foreach (var record in open)
        {
            record.Release(to, by, now);
        }

        return open;
    }
}
