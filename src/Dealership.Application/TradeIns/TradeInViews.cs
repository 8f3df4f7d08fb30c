using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Application.Orders;
using Dealership.Domain.Customers;
using Dealership.Domain.Handover;
using Dealership.Domain.TradeIns;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.TradeIns;

public sealed record ReconditioningView(string Description, MoneyView Cost);

public sealed record LoanView(string Lender, string? AccountReference, MoneyView Payoff, MoneyView PerDiem, DateOnly? GoodUntil);

/// <summary>The offer's working in plain words, as the customer and staff read it.</summary>
public sealed record OfferView(MoneyView MarketValue, string MarketSource, IReadOnlyList<ReconditioningView> Reconditioning, MoneyView ReconditioningTotal,
    MoneyView TargetMargin, MoneyView Suggested, MoneyView Final, string? OverrideReason, DateOnly ValidUntil, bool Expired, int MileageTolerance,
    OfferHold Hold, int RecheckBandPercent, string HoldExplained, string Working, Guid? AppraisedBy, string? AppraisedByName, DateTime? AppraisedAt, int Appraisals,
    DateTime? ViewedAt, DateTime? AnsweredAt, ChoiceChannel? AnsweredVia);

public sealed record PayoffView(DateOnly? LienholderNoticeDueBy, DateTime? LienholderNotifiedAt, DateOnly? DueBy, DateTime? SentAt, MoneyView? SentAmount,
    string? Reference, MoneyView DealerInterest, DateTime? ConfirmedAt, bool QuoteExpired)
{
    /// <summary>Paid to the lender for less than the deal carried: owed back to the customer.</summary>
    public MoneyView? RefundDue { get; init; }

    /// <summary>The deal was cancelled after the payoff went: what the dealer paid the lender, to settle with the customer.</summary>
    public MoneyView? ToRecover { get; init; }
}

public sealed record TradeInView(
    Guid Id,
    Guid SiteId,
    Guid CustomerId,
    string CustomerName,
    Guid? OrderId,
    string? OrderVehicle,
    TradeInVehicle Vehicle,
    string VehicleName,
    int DeclaredMileage,
    DeclaredCondition Condition,
    LoanView? Loan,
    TradeInStatus Status,
    string StatusName,
    DateTime RequestedAt,
    string RequestedByName,
    IReadOnlyList<string> VinWarnings,
    string? VinManufacturer,
    OfferView? Offer,
    MoneyView? NegativeEquity,
    string? ReappraisalNote,
    DateTime? ReceivedAt,
    int? HandoverMileage,
    int? KeysReceived,
    bool TitleReceived,
    MoneyView? Allowance,
    string? PayoutReference,
    int? PayoutLagDays,
    PayoffView? Payoff,
    DateTime? SoldAt,
    SaleChannel? SoldAs,
    DateTime? ReturnedAt,
    MoneyView? CancellationRefund,
    IReadOnlyList<Guid> PhotoIds,
    long Version)
{
    /// <summary>The currency of every amount on this trade-in (the site's).</summary>
    public string Currency { get; init; } = "USD";

    /// <summary>A stand-alone purchase pays the offer less the loan we pay off: what the customer receives (or received).</summary>
    public MoneyView? Payout { get; init; }
}

/// <summary>
/// Trade-ins belong to a site: staff see those of their sites (others are "not found"). A salesperson reads and
/// records answers for trade-ins of their own orders or ones they requested; used-car managers and managers all.
/// </summary>
public sealed class TradeInAccess(DealershipDbContext db, ICurrentStaff staff, TimeProvider clock)
{
    /// <summary>Managers and used-car managers act on every trade-in at their sites; salespeople on their own deals.</summary>
    public static bool ActsForAnyDeal(ICurrentStaff staff)
    {
        ArgumentNullException.ThrowIfNull(staff);
        return staff.IsSystem || staff.IsInRole(StaffRoles.Manager) || staff.IsInRole(StaffRoles.UsedCarManager);
    }

    public IQueryable<TradeIn> Visible()
    {
        var query = db.TradeIns.AtMySites(staff);
        if (ActsForAnyDeal(staff))
        {
            return query;
        }

        var me = staff.StaffId;
        return query.Where(t => t.RequestedBy == me || db.Orders.Any(o => o.Id == t.OrderId && o.OwnerStaffId == me));
    }

    /// <summary>
    /// Loads for change: a salesperson changes a trade-in only on an order they own (or a stand-alone one they asked
    /// for); one that rides on a colleague's order is read-only to them.
    /// </summary>
    public async Task<TradeIn> LoadForChangeAsync(Guid id, long? expectedVersion, CancellationToken ct)
    {
        var owner = ActsForAnyDeal(staff) ? null
            : await db.TradeIns.Where(t => t.Id == id && t.OrderId != null).Select(t => db.Orders.Where(o => o.Id == t.OrderId).Select(o => (Guid?)o.OwnerStaffId).FirstOrDefault())
                .FirstOrDefaultAsync(ct);
        return await Visible().Include(t => t.Photos).ForChangeAsync(id, expectedVersion, "Trade-in", ct,
            t => ActsForAnyDeal(staff) || (t.OrderId is null ? t.RequestedBy == staff.StaffId : owner == staff.StaffId)
                ? null
                : "This trade-in rides on another salesperson's order: you can read it but not change it.");
    }

    /// <summary>A trade-in on an order moves on only while that order is open: a delivered or cancelled deal's offer is history.</summary>
    public async Task EnsureDealOpenAsync(TradeIn tradeIn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tradeIn);
        if (tradeIn.OrderId is { } orderId && tradeIn.Status is not (TradeInStatus.Received or TradeInStatus.Sold or TradeInStatus.Returned) &&
            await db.Orders.AnyAsync(o => o.Id == orderId && (o.CancelledAt != null || o.Status == Domain.Orders.OrderMilestone.Delivered), ct))
        {
            throw new Domain.Common.DomainRuleException("The order this trade-in was for is closed (delivered or cancelled): start a new trade-in if the customer still wants to sell.", "deal-closed");
        }
    }

    public async Task<TradeInView> ViewAsync(TradeIn t, CancellationToken ct)
    {
        db.AssignKeys();
        var site = await db.Sites.AsNoTracking().FirstAsync(s => s.Id == t.SiteId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(site.ToLocal(now));
        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == t.CustomerId).Select(c => c.FirstName + " " + c.LastName).FirstAsync(ct);
        var requestedBy = await db.Users.AsNoTracking().Where(u => u.Id == t.RequestedBy).Select(u => u.DisplayName).FirstAsync(ct);
        var appraiser = t.AppraisedBy is { } a ? await db.Users.AsNoTracking().Where(u => u.Id == a).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) : null;
        var orderVehicle = t.OrderId is { } orderId
            ? await db.Orders.AsNoTracking().Where(o => o.Id == orderId).Select(o => o.Vehicle).FirstOrDefaultAsync(ct)
            : null;
        return Map(t, customer, requestedBy, appraiser, orderVehicle?.Describe(), today);
    }

    internal static TradeInView Map(TradeIn t, string customer, string requestedBy, string? appraiser, string? orderVehicle, DateOnly today)
    {
        var money = (long amount) => new MoneyView(amount, t.Currency);
        var vin = VinDecoder.Decode(t.Vehicle.Vin);
        OfferView? offer = null;
        if (t.FinalOffer is { } final && t.MarketValue is { } market)
        {
            var recon = t.Reconditioning.Sum(r => r.Cost);
            offer = new OfferView(money(market), t.MarketSource ?? "", t.Reconditioning.Select(r => new ReconditioningView(r.Description, money(r.Cost))).ToList(),
                money(recon), money(t.TargetMargin ?? 0), money(t.SuggestedOffer ?? 0), money(final), t.OverrideReason, t.ValidUntil!.Value,
                t.Status == TradeInStatus.Offered && today > t.ValidUntil, t.MileageTolerance, t.Hold, t.RecheckBandPercent,
                TradeInWording.Hold(t), TradeInWording.Working(t), t.AppraisedBy, appraiser, t.AppraisedAt, t.Appraisals, t.OfferViewedAt, t.AnsweredAt, t.AnsweredVia);
        }

        var payoff = t.HasLoan && t.ReceivedAt is not null
            ? new PayoffView(t.LienholderNoticeDueBy, t.LienholderNotifiedAt, t.PayoffDueBy, t.PayoffSentAt, t.PayoffSentAmount is { } sent ? money(sent) : null,
                t.PayoffReference, money(t.DealerInterest), t.PayoffConfirmedAt, t.PayoffSentAt is null && t.PayoffGoodUntil < today)
            {
                RefundDue = t.PayoffRefundDue > 0 ? money(t.PayoffRefundDue) : null,
                ToRecover = t.PayoffToRecover is { } recover ? money(recover) : null,
            }
            : null;
        return new TradeInView(t.Id, t.SiteId, t.CustomerId, customer, t.OrderId, orderVehicle, t.Vehicle, t.Vehicle.Describe(), t.DeclaredMileage, t.Condition,
            t.HasLoan ? new LoanView(t.LenderName!, t.LenderAccount, money(t.PayoffAmount), money(t.PayoffPerDiem), t.PayoffGoodUntil) : null,
            t.Status, TradeIn.Describe(t.Status), t.RequestedAt, requestedBy, vin.Mismatches(t.Vehicle.Year, t.Vehicle.Make), vin.Manufacturer, offer,
            t.HasLoan && t.NegativeEquity.Amount > 0 && t.FinalOffer is not null ? MoneyView.From(t.NegativeEquity) : null,
            t.ReappraisalNote, t.ReceivedAt, t.HandoverMileage, t.KeysReceived, t.TitleReceived, t.Allowance is { } allowance ? money(allowance) : null,
            t.PayoutReference, t.PayoutLagDays, payoff, t.SoldAt, t.SoldAs, t.ReturnedAt, t.CancellationRefund is { } refund ? money(refund) : null,
            t.Photos.OrderBy(p => p.AddedAt).Select(p => p.Id).ToList(), t.Version)
        {
            Currency = t.Currency,
            Payout = t.OrderId is not null || t.FinalOffer is null ? null : money(t.PayoutAmount ?? Math.Max(0, t.FinalOffer.Value - (t.HasLoan ? t.PayoffAmount : 0))),
        };
    }
}

/// <summary>The offer in plain words, for staff pages and the customer's page alike (English; the customer's page phrases its own in Spanish).</summary>
public static class TradeInWording
{
    private static readonly System.Globalization.CultureInfo En = System.Globalization.CultureInfo.GetCultureInfo("en-US");

    public static string Working(TradeIn t)
    {
        ArgumentNullException.ThrowIfNull(t);
        string M(long amount) => new Domain.Common.Money(amount, t.Currency).Format(En);
        var recon = t.Reconditioning.Sum(r => r.Cost);
        var text = $"Market value {M(t.MarketValue ?? 0)} ({t.MarketSource}) − reconditioning {M(recon)}" +
            (t.Reconditioning.Count > 0 ? $" ({string.Join(", ", t.Reconditioning.Select(r => $"{r.Description} {M(r.Cost)}"))})" : "") +
            $" − our margin {M(t.TargetMargin ?? 0)} = {M(t.SuggestedOffer ?? 0)}.";
        if (t.FinalOffer != t.SuggestedOffer)
        {
            text += $" Offer {M(t.FinalOffer ?? 0)}: {t.OverrideReason}";
        }

        return text;
    }

    public static string Hold(TradeIn t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var valid = $"Accept by {Domain.Common.Readable.Day(t.ValidUntil, "the date given")}.";
        var miles = $"It holds for up to {t.MileageTolerance:N0} more miles than the {t.DeclaredMileage:N0} appraised, with the condition as declared.";
        if (t.OrderId is null)
        {
            return $"{valid} A purchase: the customer is paid in the same step we take the car. {miles}";
        }

        return t.Hold == OfferHold.Locked
            ? $"{valid} Once accepted, the offer is locked until the new car is delivered. {miles}"
            : $"{valid} Once accepted, if delivery comes after that date the car is re-checked at handover and the offer may move down by at most {t.RecheckBandPercent}%. {miles}";
    }
}
