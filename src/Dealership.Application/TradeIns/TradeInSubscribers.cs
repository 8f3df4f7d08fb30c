using System.Globalization;
using Dealership.Application.Common;
using Dealership.Application.Custody;
using Dealership.Application.Data;
using Dealership.Application.Notifications;
using Dealership.Application.Notifications.Templates;
using Dealership.Domain.Common;
using Dealership.Domain.Journey;
using Dealership.Domain.Orders;
using Dealership.Domain.Promises;
using Dealership.Domain.TradeIns;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.TradeIns;

/// <summary>
/// Every step of a trade-in lands on the customer's timeline, and the ones the customer must hear about reach
/// them: the offer (with its working), the receipt for what they handed over, and the payoff of their old loan
/// with its reference. "Payoff sent by" is a promise in the ledger, kept or broken by the payoff itself.
/// Rows only, in the same transaction as the change.
/// </summary>
public sealed class TradeInSubscribers(DealershipDbContext db, Outbox outbox, ICurrentStaff staff) :
    IDomainEventSubscriber<TradeInRequested>,
    IDomainEventSubscriber<TradeInOffered>,
    IDomainEventSubscriber<TradeInAnswered>,
    IDomainEventSubscriber<TradeInReappraisalRequested>,
    IDomainEventSubscriber<TradeInTakenIn>,
    IDomainEventSubscriber<PayoffSent>,
    IDomainEventSubscriber<PayoffConfirmed>,
    IDomainEventSubscriber<TradeInReturned>,
    IDomainEventSubscriber<TradeInWithdrawn>,
    IDomainEventSubscriber<OrderRescinded>
{
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-US");

    public Task HandleAsync(TradeInRequested domainEvent, CancellationToken cancellationToken)
    {
        var t = domainEvent.TradeIn;
        AddTouchpoint(t, domainEvent.OccurredAt, $"Trade-in appraisal requested: {t.Vehicle.Describe()}, {t.DeclaredMileage:N0} miles{(t.HasLoan ? $", loan with {t.LenderName}" : "")}");
        return Task.CompletedTask;
    }

    public async Task HandleAsync(TradeInOffered domainEvent, CancellationToken cancellationToken)
    {
        var t = domainEvent.TradeIn;
        var offer = new Money(t.FinalOffer!.Value, t.Currency);
        AddTouchpoint(t, domainEvent.OccurredAt, $"Trade-in offer {(domainEvent.PreviousOffer is { } before ? $"revised from {new Money(before, t.Currency).Format(En)} to" : "made:")} {offer.Format(En)} " +
            $"for the {t.Vehicle.Describe()}, valid until {Readable.Day(t.ValidUntil, "the date given")}. {TradeInWording.Working(t)}");
        await WithdrawUnsentOffersAsync(t, domainEvent.OccurredAt, cancellationToken); // a new offer replaces one still waiting to go
        var customer = await db.Customers.FirstAsync(c => c.Id == t.CustomerId, cancellationToken);
        var data = new Dictionary<string, string>
        {
            ["vehicle"] = t.Vehicle.Describe(),
            ["offer"] = offer.ToString(), // always given, even an offer of zero
            ["validUntil"] = TemplateFacts.Day(t.ValidUntil),
            ["marketValue"] = TemplateFacts.Amount(new Money(t.MarketValue ?? 0, t.Currency)),
            ["reconditioning"] = TemplateFacts.Amount(new Money(t.Reconditioning.Sum(r => r.Cost), t.Currency)),
            ["margin"] = TemplateFacts.Amount(new Money(t.TargetMargin ?? 0, t.Currency)),
            ["payoff"] = t.HasLoan ? TemplateFacts.Amount(t.Payoff) : "",
            ["appraiserName"] = t.AppraisedBy is { } by ? await db.Users.Where(u => u.Id == by).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken) ?? "" : "",
        };
        await outbox.QueueAsync(customer, t.SiteId, MessageTemplates.TradeInOffer, $"trade-in/{t.Id}/offer/{t.Appraisals}", data, urgent: false, proactive: true, cancellationToken);
    }

    public async Task HandleAsync(TradeInAnswered domainEvent, CancellationToken cancellationToken)
    {
        var t = domainEvent.TradeIn;
        var recorder = domainEvent.RecordedBy is { } by ? await db.Users.Where(u => u.Id == by).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken) : null;
        AddTouchpoint(t, domainEvent.OccurredAt, $"Trade-in offer of {new Money(t.FinalOffer ?? 0, t.Currency).Format(En)} {(domainEvent.Accepted ? "accepted" : "declined")} " +
            $"({Orders.OrderSubscribers.HowChosen(domainEvent.Via, recorder)})", actor: domainEvent.RecordedBy is null ? TouchpointActor.Customer : TouchpointActor.Dealer);
    }

    public Task HandleAsync(TradeInReappraisalRequested domainEvent, CancellationToken cancellationToken)
    {
        var t = domainEvent.TradeIn;
        AddTouchpoint(t, domainEvent.OccurredAt, $"New appraisal asked for: {t.Vehicle.Describe()}{(domainEvent.Note is null ? "" : $" (\"{domainEvent.Note}\")")}",
            actor: staff.StaffId is null ? TouchpointActor.Customer : TouchpointActor.Dealer);
        return Task.CompletedTask;
    }

    /// <summary>The receipt: what was handed over, what it was credited or paid at, and (with a loan) when the payoff goes.</summary>
    public async Task HandleAsync(TradeInTakenIn domainEvent, CancellationToken cancellationToken)
    {
        var t = domainEvent.TradeIn;
        // A swap credits the whole allowance against the new car; a purchase pays the allowance less the loan we pay off.
        var allowance = new Money(domainEvent.Swap ? t.Allowance ?? 0 : t.PayoutAmount ?? 0, t.Currency);
        var items = $"the car, {Readable.Count(t.KeysReceived ?? 0, "key")}{(t.TitleReceived ? " and the title" : "")}";
        AddTouchpoint(t, domainEvent.OccurredAt, domainEvent.Swap
            ? $"Trade-in swapped at delivery: {items} of the {t.Vehicle.Describe()} received; {allowance.Format(En)} credited in the same step"
            : $"Trade-in bought outright: {items} of the {t.Vehicle.Describe()} received; {allowance.Format(En)} paid ({t.PayoutReference}) in the same step");
        var customer = await db.Customers.FirstAsync(c => c.Id == t.CustomerId, cancellationToken);
        var data = new Dictionary<string, string>
        {
            ["vehicle"] = t.Vehicle.Describe(),
            ["allowance"] = TemplateFacts.Amount(allowance),
            ["keys"] = (t.KeysReceived ?? 0).ToString(CultureInfo.InvariantCulture),
            ["title"] = t.TitleReceived ? "yes" : "",
            ["paidOut"] = domainEvent.Swap ? "" : "yes",
            ["lender"] = t.HasLoan ? t.LenderName ?? "" : "",
            ["payoffBy"] = t.HasLoan ? TemplateFacts.Day(t.PayoffDueBy) : "",
        };
        await outbox.QueueAsync(customer, t.SiteId, MessageTemplates.TradeInReceived, $"trade-in/{t.Id}/received", data, urgent: true, proactive: false, cancellationToken); // the customer is standing there handing over the keys
        if (t.HasLoan && t.PayoffDueBy is { } due)
        {
            var site = await db.Sites.AsNoTracking().FirstAsync(s => s.Id == t.SiteId, cancellationToken);
            var endOfDay = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(due.AddDays(1).ToDateTime(TimeOnly.MinValue), DateTimeKind.Unspecified), site.TimeZone);
            db.Promises.Add(new CustomerPromise(t.SiteId, t.CustomerId, t.ReceivedBy ?? t.RequestedBy, $"Payoff of the {t.Vehicle.Describe()} loan sent to {t.LenderName} by {due:MMM d}",
                endOfDay, PromiseKind.Manual, CustodyRegister.TradeInSubject, t.Id, "payoffSent", domainEvent.OccurredAt));
        }
    }

    public async Task HandleAsync(PayoffSent domainEvent, CancellationToken cancellationToken)
    {
        var t = domainEvent.TradeIn;
        var sent = new Money(t.PayoffSentAmount ?? 0, t.Currency);
        AddTouchpoint(t, domainEvent.OccurredAt, $"Payoff of {sent.Format(En)} sent to {t.LenderName}, reference {t.PayoffReference}" +
            (t.DealerInterest > 0 ? $" ({new Money(t.DealerInterest, t.Currency).Format(En)} of interest from our delay paid by us)" : ""));
        await ResolvePayoffTasksAsync(t, domainEvent.OccurredAt, cancellationToken);
        var promises = await db.Promises.Where(p => p.SubjectId == t.Id && p.Milestone == "payoffSent" && p.State == PromiseState.Open).ToListAsync(cancellationToken);
        promises.ForEach(p => p.Keep(domainEvent.OccurredAt, domainEvent.OccurredAt));
        var customer = await db.Customers.FirstAsync(c => c.Id == t.CustomerId, cancellationToken);
        var data = new Dictionary<string, string>
        {
            ["vehicle"] = t.Vehicle.Describe(),
            ["lender"] = t.LenderName ?? "",
            ["amount"] = TemplateFacts.Amount(sent),
            ["reference"] = t.PayoffReference ?? "",
            ["refundDue"] = t.PayoffRefundDue > 0 ? TemplateFacts.Amount(new Money(t.PayoffRefundDue, t.Currency)) : "",
        };
        await outbox.QueueAsync(customer, t.SiteId, MessageTemplates.TradeInPayoffSent, $"trade-in/{t.Id}/payoff-sent", data, urgent: false, proactive: true, cancellationToken);
    }

    public Task HandleAsync(PayoffConfirmed domainEvent, CancellationToken cancellationToken)
    {
        var t = domainEvent.TradeIn;
        AddTouchpoint(t, domainEvent.OccurredAt, $"{t.LenderName} confirmed the loan on the {t.Vehicle.Describe()} is paid off");
        return Task.CompletedTask;
    }

    /// <summary>The release receipt: the car, keys and title back with the customer, or the refund when the car was already sold.</summary>
    public async Task HandleAsync(TradeInReturned domainEvent, CancellationToken cancellationToken)
    {
        var t = domainEvent.TradeIn;
        await ResolvePayoffTasksAsync(t, domainEvent.OccurredAt, cancellationToken);
        AddTouchpoint(t, domainEvent.OccurredAt, domainEvent.Refund is { } refund
            ? $"Deal cancelled: the {t.Vehicle.Describe()} was already sold, so {refund.Format(En)} (the greater of its market value and its allowance) is refunded"
            : $"Deal cancelled: the {t.Vehicle.Describe()}, its keys{(t.TitleReceived ? " and title" : "")} returned to the customer");
        var customer = await db.Customers.FirstAsync(c => c.Id == t.CustomerId, cancellationToken);
        var data = new Dictionary<string, string>
        {
            ["vehicle"] = t.Vehicle.Describe(),
            ["refund"] = domainEvent.Refund is { } amount ? TemplateFacts.Amount(amount) : "",
            ["title"] = t.TitleReceived ? "yes" : "",
            ["payoffPaid"] = t.PayoffToRecover is { } paid ? TemplateFacts.Amount(new Money(paid, t.Currency)) : "",
            ["lender"] = t.PayoffToRecover is null ? "" : t.LenderName ?? "",
        };
        await outbox.QueueAsync(customer, t.SiteId, MessageTemplates.TradeInReturned, $"trade-in/{t.Id}/returned", data, urgent: false, proactive: false, cancellationToken);
        if (t.PayoffToRecover is { } sentBefore)
        {
            // The receipt promises a call about the payoff already sent: a promise in the ledger, due within two working days.
            var site = await db.Sites.AsNoTracking().FirstAsync(s => s.Id == t.SiteId, cancellationToken);
            db.Promises.Add(new CustomerPromise(t.SiteId, t.CustomerId, t.ReceivedBy ?? t.RequestedBy,
                $"Call {customer.FirstName} to settle the {new Money(sentBefore, t.Currency).Format(En)} payoff already sent to {t.LenderName}",
                site.AddOpenTime(domainEvent.OccurredAt, TimeSpan.FromHours(16)), PromiseKind.Manual, CustodyRegister.TradeInSubject, t.Id, null, domainEvent.OccurredAt));
        }
    }

    /// <summary>The customer used their right to cancel: told what is refunded (the trade-in's own receipt follows it).</summary>
    public async Task HandleAsync(OrderRescinded domainEvent, CancellationToken cancellationToken)
    {
        var order = domainEvent.Order;
        db.Touchpoints.Add(new Touchpoint(order.CustomerId, order.SiteId, domainEvent.OccurredAt, TouchpointKind.StatusChanged, TouchpointDirection.Internal,
            TouchpointActor.Dealer, proactive: true, $"Delivered deal cancelled inside the cancellation window: {domainEvent.Reason}; {domainEvent.Refundable.Format(En)} to refund",
            staff.StaffId, "order", order.Id));
        var customer = await db.Customers.FirstAsync(c => c.Id == order.CustomerId, cancellationToken);
        var owner = await db.Users.Where(u => u.Id == order.OwnerStaffId).Select(u => u.DisplayName).FirstAsync(cancellationToken);
        await outbox.QueueAsync(customer, order.SiteId, MessageTemplates.OrderCancelled, $"order/{order.Id}/rescinded",
            new Dictionary<string, string> { ["vehicle"] = order.Vehicle.Describe(), ["ownerName"] = owner, ["refund"] = TemplateFacts.Amount(domainEvent.Refundable) },
            urgent: false, proactive: false, cancellationToken);
    }

    /// <summary>The trade-in left the deal: an offer still waiting to be sent (quiet hours) must not reach the customer after all.</summary>
    public async Task HandleAsync(TradeInWithdrawn domainEvent, CancellationToken cancellationToken)
    {
        var t = domainEvent.TradeIn;
        AddTouchpoint(t, domainEvent.OccurredAt, $"Trade-in withdrawn: the customer keeps their {t.Vehicle.Describe()}");
        await WithdrawUnsentOffersAsync(t, domainEvent.OccurredAt, cancellationToken);
    }

    /// <summary>The watchdog's payoff alerts for this car close once there is nothing left to chase.</summary>
    private async Task ResolvePayoffTasksAsync(TradeIn t, DateTime now, CancellationToken ct)
    {
        var open = await db.Tasks.Where(x => x.SubjectType == CustodyRegister.TradeInSubject && x.SubjectId == t.Id && x.Status == Domain.Tasks.StaffTaskStatus.Open).ToListAsync(ct);
        open.ForEach(x => x.Resolve(now));
    }

    private async Task WithdrawUnsentOffersAsync(TradeIn t, DateTime now, CancellationToken ct)
    {
        var prefix = $"trade-in/{t.Id}/offer/";
        var unsent = await db.Notifications
            .Where(n => n.CustomerId == t.CustomerId && n.TemplateKey == MessageTemplates.TradeInOffer && n.DeduplicationKey.StartsWith(prefix)
                && (n.Status == Domain.Notifications.NotificationStatus.Pending || n.Status == Domain.Notifications.NotificationStatus.Deferred))
            .ToListAsync(ct);
        unsent.ForEach(n => n.Suppress(Domain.Notifications.SuppressionReason.Withdrawn, now));
    }

    private void AddTouchpoint(TradeIn t, DateTime at, string summary, TouchpointActor actor = TouchpointActor.Dealer) =>
        db.Touchpoints.Add(new Touchpoint(t.CustomerId, t.SiteId, at, TouchpointKind.StatusChanged, TouchpointDirection.Internal, actor, proactive: actor == TouchpointActor.Dealer,
            summary, staff.StaffId, CustodyRegister.TradeInSubject, t.Id));
}
