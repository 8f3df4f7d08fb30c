using Dealership.Application.Data;
using Dealership.Domain.Custody;
using Dealership.Domain.TradeIns;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Tracking;

/// <summary>A trade-in as its owner sees it on their page: the offer with its working, what they may do, and what became of their car and loan.</summary>
public sealed record MyTradeIn(
    Guid TradeInId,
    string Vehicle,
    TradeInStatus Status,
    string Currency,
    long? MarketValue,
    string? MarketSource,
    IReadOnlyList<(string Description, long Cost)> Reconditioning,
    long? Margin,
    long? Suggested,
    long? Offer,
    string? OverrideReason,
    DateOnly? ValidUntil,
    bool Expired,
    int DeclaredMileage,
    int MileageTolerance,
    OfferHold Hold,
    int RecheckBandPercent,
    bool ForNewCar,
    DateTime? ReceivedAt,
    long? Allowance,
    string? Lender,
    long PayoffAmount,
    DateOnly? PayoffDueBy,
    DateTime? PayoffSentAt,
    string? PayoffReference,
    DateTime? PayoffConfirmedAt,
    IReadOnlyList<Guid> PhotoIds,
    bool OfferSeen,
    int OfferNumber,
    long? PayoutAmount,
    DateTime? ReturnedAt,
    long? CancellationRefund)
{
    public bool CanAnswer => Status == TradeInStatus.Offered && !Expired;

    public bool CanAskReappraisal => Status is TradeInStatus.Declined || (Status == TradeInStatus.Offered && Expired);
}

/// <summary>A line of the customer's custody receipts: what the dealer holds of theirs (or held, and gave back).</summary>
public sealed record MyCustodyItem(CustodyItem Item, int Count, string Description, DateTime Since, DateTime? ReleasedAt, string? ReleasedTo);

/// <summary>Reads a customer's trade-ins and custody receipts for their tracking page: their own rows only.</summary>
public sealed class MyTradeIns(DealershipDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<MyTradeIn>> ForCustomerAsync(Guid customerId, CancellationToken ct)
    {
        var tradeIns = await db.TradeIns.AsNoTracking().Include(t => t.Photos).AsSplitQuery().Where(t => t.CustomerId == customerId && t.Status != TradeInStatus.Withdrawn)
            .OrderByDescending(t => t.RequestedAt).Take(5).ToListAsync(ct);
        var siteIds = tradeIns.Select(t => t.SiteId).Distinct().ToList();
        var sites = await db.Sites.AsNoTracking().Where(s => siteIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return tradeIns.Select(t =>
        {
            var today = DateOnly.FromDateTime(sites[t.SiteId].ToLocal(now));
            return new MyTradeIn(t.Id, t.Vehicle.Describe(), t.Status, t.Currency, t.MarketValue, t.MarketSource,
                t.Reconditioning.Select(r => (r.Description, r.Cost)).ToList(), t.TargetMargin, t.SuggestedOffer, t.FinalOffer, t.OverrideReason, t.ValidUntil,
                t.Status == TradeInStatus.Offered && today > t.ValidUntil, t.DeclaredMileage, t.MileageTolerance, t.Hold, t.RecheckBandPercent, t.OrderId is not null,
                t.ReceivedAt, t.Allowance, t.LenderName, t.PayoffInDeal ?? t.PayoffAmount, t.PayoffDueBy, t.PayoffSentAt, t.PayoffReference, t.PayoffConfirmedAt,
                t.Photos.OrderBy(p => p.AddedAt).Select(p => p.Id).ToList(), t.OfferViewedAt is not null, t.Appraisals, t.PayoutAmount, t.ReturnedAt, t.CancellationRefund);
        }).ToList();
    }

    public async Task<IReadOnlyList<MyCustodyItem>> CustodyAsync(Guid customerId, CancellationToken ct) =>
        await db.Custody.AsNoTracking().Where(c => c.CustomerId == customerId)
            .OrderByDescending(c => c.Since).Take(20)
            .Select(c => new MyCustodyItem(c.Item, c.Count, c.Description, c.Since, c.ReleasedAt, c.ReleasedTo))
            .ToListAsync(ct);
}
