using Dealership.Domain.Common;
using Dealership.Domain.Orders;

namespace Dealership.Application.Orders;

/// <summary>Money as the API shows it: minor units and currency.</summary>
public sealed record MoneyView(long Amount, string Currency)
{
    public static MoneyView From(Money money) => new(money.Amount, money.Currency);

    public Money ToMoney() => new(Amount, Currency);
}

public sealed record MilestoneView(OrderMilestone Milestone, string Name, DateOnly? PromisedDate, DateTime? ReachedAt, bool Late, string? LastChangeReason);

public sealed record ChecklistView(ChecklistItem Item, bool Done, DateTime? DoneAt, Guid? DoneBy, bool NeedsCustomer);

public sealed record PaymentView(Guid Id, PaymentMethod Method, MoneyView Amount, string? Reference, PaymentStatus Status, Guid ReceivedBy, DateTime ReceivedAt)
{
    /// <summary>Counts towards the balance now (cleared, a lender's funding on its way, or a check verified with the bank).</summary>
    public bool Counts { get; init; }

    public DateTime? VerifiedAt { get; init; }

    public string? VerificationNote { get; init; }

    /// <summary>Counts because it was taken before clearing by decision, not because the bank confirmed it.</summary>
    public bool AcceptedOnRisk { get; init; }

    public string? SettlementNote { get; init; }

    /// <summary>When it counts, under the site's payment terms, in plain words ("counts once … or when it clears, by Fri, Dec 4").</summary>
    public string? Condition { get; init; }
}

public sealed record OrderView(
    Guid Id,
    Guid SiteId,
    Guid CustomerId,
    string CustomerName,
    Guid OwnerStaffId,
    string OwnerName,
    VehicleSpec Vehicle,
    MoneyView Price,
    MoneyView Fees,
    MoneyView Paid,
    MoneyView BalanceDue,
    MoneyView RefundableDeposits,
    OrderMilestone Status,
    OrderMilestone? NextMilestone,
    bool Cancelled,
    string? CancellationReason,
    IReadOnlyList<MilestoneView> Milestones,
    IReadOnlyList<ChecklistView> Checklist,
    IReadOnlyList<PaymentView> Payments,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    long Version)
{
    /// <summary>The booked collection, and who chose it (always the customer: on their page, or told to staff).</summary>
    public CollectionView? Collection { get; init; }

    /// <summary>The deal's balance, line by line (tax, trade-in allowance and payoff included).</summary>
    public BalanceView? Balance { get; init; }

    /// <summary>The car the customer trades against this order, if any.</summary>
    public OrderTradeInView? TradeIn { get; init; }

    public int? NewCarKeysHandedOver { get; init; }

    public DateTime? RescindedAt { get; init; }
}

public sealed record BalanceLineView(string Label, MoneyView Amount, BalanceLineKind Kind, string? Note);

/// <summary>
/// What the customer owes at handover: <see cref="Due"/> positive is to pay; negative is owed to the customer.
/// Pending money (a check not yet cleared) is listed but not counted.
/// </summary>
public sealed record BalanceView(IReadOnlyList<BalanceLineView> Lines, MoneyView Tax, MoneyView Taxable, decimal TaxRatePercent, MoneyView Allowance,
    MoneyView Payoff, MoneyView NegativeEquity, MoneyView Pending, MoneyView Due)
{
    public static BalanceView From(DealBalance balance)
    {
        ArgumentNullException.ThrowIfNull(balance);
        return new(balance.Lines.Select(l => new BalanceLineView(l.Label, MoneyView.From(l.Amount), l.Kind, l.Note)).ToList(),
            MoneyView.From(balance.Tax), MoneyView.From(balance.Taxable), balance.TaxBasisPoints / 100m, MoneyView.From(balance.Allowance),
            MoneyView.From(balance.Payoff), MoneyView.From(balance.NegativeEquity), MoneyView.From(balance.Pending), MoneyView.From(balance.Due));
    }
}

public sealed record OrderTradeInView(Guid Id, string Vehicle, Dealership.Domain.TradeIns.TradeInStatus Status, string StatusName, MoneyView? Offer,
    DateOnly? ValidUntil, int DeclaredMileage, int MileageTolerance, Dealership.Domain.TradeIns.TitleStatus Title, int DeclaredKeys, string? Lender,
    Dealership.Domain.TradeIns.OfferHold Hold, int RecheckBandPercent);

public sealed record CollectionView(DateTime StartsAt, DateTime EndsAt, Dealership.Domain.Handover.ChoiceChannel StatedVia, string HowChosen);

public static class OrderViewMapping
{
    /// <param name="today">Today in the site's time zone: a promised date before it without the milestone is late.</param>
    public static OrderView ToView(this VehicleOrder o, string customerName, string ownerName, DateOnly today, DealBalance balance) => new(
        o.Id, o.SiteId, o.CustomerId, customerName, o.OwnerStaffId, ownerName, o.Vehicle,
        MoneyView.From(o.Price), MoneyView.From(o.Fees), MoneyView.From(o.Paid), MoneyView.From(balance.Due), MoneyView.From(o.Refundable),
        o.Status, o.IsCancelled ? null : o.NextMilestone, o.IsCancelled, o.CancellationReason,
        o.Milestones.OrderBy(m => m.Milestone).Select(m => new MilestoneView(m.Milestone, VehicleOrder.Describe(m.Milestone), m.PromisedDate, m.ReachedAt,
            m.ReachedAt is null && m.PromisedDate < today && o.IsActive, m.LastChangeReason)).ToList(),
        o.Checklist.OrderBy(c => c.Item).Select(c => new ChecklistView(c.Item, c.IsDone, c.DoneAt, c.DoneBy, c.NeedsCustomer)).ToList(),
        o.Payments.OrderBy(p => p.ReceivedAt).Select(p => new PaymentView(p.Id, p.Method, new MoneyView(p.Amount, p.Currency), p.Reference, p.Status, p.ReceivedBy, p.ReceivedAt)
        {
            Counts = p.CountsAsPaid, VerifiedAt = p.VerifiedAt, VerificationNote = p.VerificationNote, SettlementNote = p.SettlementNote, AcceptedOnRisk = p.AcceptedOnRisk,
        }).ToList(),
        o.CreatedAt, o.UpdatedAt, o.Version)
    {
        Balance = BalanceView.From(balance),
        NewCarKeysHandedOver = o.NewCarKeysHandedOver,
        RescindedAt = o.RescindedAt,
    };
}
