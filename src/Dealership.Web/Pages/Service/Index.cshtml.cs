using Dealership.Application.Decisions;
using Dealership.Application.Orders;
using Dealership.Application.Service;
using Dealership.Application.Sites;
using Dealership.Application.Tracking;
using Dealership.Domain.Decisions;
using Dealership.Domain.Service;
using Dealership.Web.Security;
using Dealership.Web.Ui;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Dealership.Web.Pages.Service;

/// <summary>
/// The service lane: the advisor's home page. One day's visits with parts readiness per line, check-in at
/// the desk, and — when the parts are not ready — the recovery the advisor can offer on the spot.
/// </summary>
[Authorize(Policy = Policies.ReadService)]
public sealed class IndexModel(IMediator mediator, Application.Common.ICurrentStaff staff, SiteContext siteContext,
    IOptions<DecisionLimits> limits, FormSubmissions submissions, TimeProvider clock) : StaffFormPage(submissions)
{
    [BindProperty(SupportsGet = true)]
    public DateOnly? Date { get; set; }

    /// <summary>"me" shows only the signed-in advisor's visits.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Advisor { get; set; }

    /// <summary>The visit at risk the advisor is putting right: only its free times are worked out.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Fix { get; set; }

    public GetLane.Lane Lane { get; private set; } = new(default, 0, 0, 0, 0, []);

    public DateOnly Today { get; private set; }

    public DateTime LocalNow { get; private set; }

    /// <summary>Free times for the visit being put right (<see cref="Fix"/>), to move it in one click.</summary>
    public IReadOnlyDictionary<Guid, IReadOnlyList<VisitSlot>> MoveTo => Lane.RecoveryTimes;

    /// <summary>Recovery already decided per visit, so nobody offers the same customer twice without knowing.</summary>
    public IReadOnlyList<DecisionView> DecisionsFor(Guid visitId) => Lane.Decisions.GetValueOrDefault(visitId) ?? [];

    /// <summary>
    /// What was already offered for the visit and still stands (given, approved, or awaiting a manager), since it was
    /// last moved: a move starts afresh, and what was offered for the earlier time answered that time's risk.
    /// </summary>
    public IReadOnlyList<DecisionView> OffersStanding(Guid visitId)
    {
        var decisions = DecisionsFor(visitId);
        var lastMove = decisions.Where(d => d.Action == DecisionAction.Reschedule && d.Status != DecisionStatus.Declined)
            .Select(d => d.CreatedAt).DefaultIfEmpty(DateTime.MinValue).Max();
        return decisions.Where(d => d.Action != DecisionAction.Reschedule && d.Status != DecisionStatus.Declined && d.CreatedAt >= lastMove).ToList();
    }

    /// <summary>
    /// The "parts not ready" card's line and colour: visits at risk nobody has acted on (red), those waiting for a
    /// manager, and those with an offer given. Staff who may not read decisions see every visit at risk as untouched.
    /// </summary>
    public (string Text, string Colour) RecoveryCount()
    {
        if (Lane.NeedingRecovery.Count == 0)
        {
            return ("none at risk", "var(--muted)");
        }

        var standing = Lane.NeedingRecovery.Select(OffersStanding).ToList();
        var untouched = standing.Count(o => o.Count == 0);
        var given = standing.Count(o => o.Any(d => d.Status is DecisionStatus.Applied or DecisionStatus.Approved));
        var waiting = standing.Count - untouched - given;
        var parts = new List<string>();
        if (untouched > 0)
        {
            parts.Add($"{untouched} need{(untouched == 1 ? "s" : "")} putting right{(CanWrite ? " below" : "")}");
        }

        var lead = untouched == 0 ? "at risk, " : "";
        if (waiting > 0)
        {
            parts.Add($"{waiting} {lead}awaiting a manager");
        }

        if (given > 0)
        {
            parts.Add($"{given} {lead}with an offer given");
        }

        return (string.Join(" · ", parts), untouched > 0 ? "var(--bad)" : "var(--warn)");
    }

    /// <summary>An offer as the panel names it, as the decisions list above it does: "loaner car (given)", "goodwill credit of $40.00 (awaiting a manager)".</summary>
    public static string OfferSummary(DecisionView d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return $"{Dealership.Application.Service.OfferRecovery.Describe(d.Action)}{(AmountOf(d) is { } amount ? $" of {amount}" : "")} ({StatusWord(d.Status)})";
    }

    /// <summary>A decision's value as the lane shows it ("$40.00"), or null when it has none.</summary>
    public static string? AmountOf(DecisionView d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return d.Amount is { } cents ? new Dealership.Domain.Common.Money(cents, d.Currency!).Format(System.Globalization.CultureInfo.GetCultureInfo("en-US")) : null;
    }

    /// <summary>Where a decision stands, in the words of the lane's list and panel alike.</summary>
    public static string StatusWord(DecisionStatus status) => status switch
    {
        DecisionStatus.AwaitingApproval => "awaiting a manager",
        DecisionStatus.Declined => "declined",
        DecisionStatus.Approved => "approved",
        _ => "given",
    };

    /// <summary>Contact details to suggest for "updates today".</summary>
    public IReadOnlyDictionary<Guid, string> Contacts => Lane.Contacts;

    public long? MyLimit => limits.Value.For(User.IsInRole);

    public string Currency => Site.Currency;

    public Domain.Sites.Site Site { get; private set; } = null!;

    public bool CanWrite => User.May(Application.Common.Access.WriteService);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>What the advisor typed into a check-in that failed, so the form shows it again instead of blanks.</summary>
    public sealed record CheckInTyped(Guid AppointmentId, int? Mileage, string? Concern, string? Updates, DateTime? ReadyAt, int? Keys = null);

    public CheckInTyped? TypedCheckIn { get; private set; }

    public async Task<IActionResult> OnPostCheckInAsync(Guid appointmentId, int? mileage, string? concern, string? updates, DateTime? readyAt, int? keys, long version, CancellationToken ct)
    {
        TypedCheckIn = new CheckInTyped(appointmentId, mileage, concern, updates, readyAt, keys);
        var site = await siteContext.GetAsync(ct);
        if (mileage is null || readyAt is null)
        {
            return await ShowAsync(ct, "Enter the odometer reading and when the car will be ready.");
        }

        return await SubmitAsync(() => mediator.Send(new CheckInAppointment.Command(appointmentId, mileage.Value, concern, updates ?? "", site.ToUtc(readyAt.Value), version, keys), ct).AsTask(),
            "Checked in. The customer has a receipt for the car and keys with the ready time, and the promise is in the ledger.", LaneAddress, ct);
    }

    /// <summary>What the advisor chose and typed into a recovery that was refused, so the form shows it again.</summary>
    public sealed record RecoveryTyped(Guid AppointmentId, DecisionAction Action, string? Amount, string? Reason, DateTime? StartsAt)
    {
        public bool IsMove => Action == DecisionAction.Reschedule;

        public bool Picked(VisitSlot slot) => StartsAt is { } at && Application.Common.Instants.AsUtc(at) == slot.StartsAt;
    }

    public RecoveryTyped? TypedRecovery { get; private set; }

    public async Task<IActionResult> OnPostRecoveryAsync(Guid appointmentId, DecisionAction action, string? amount, string? reason, DateTime? startsAt, CancellationToken ct)
    {
        TypedRecovery = new RecoveryTyped(appointmentId, action, amount, reason, startsAt);
        var site = await siteContext.GetAsync(ct);
        MoneyView? money = null;
        if (!string.IsNullOrWhiteSpace(amount))
        {
            if (FormOutcome.ToMinorUnits(amount) is not { } cents)
            {
                return await ShowAsync(ct, "Enter the amount, for example 25.00.");
            }

            money = new MoneyView(cents, site.Currency);
        }

        DecisionView? decision = null;
        var moveTo = action == DecisionAction.Reschedule ? startsAt : null;
        return await SubmitAsync(async () => decision = await mediator.Send(new OfferRecovery.Command(appointmentId, action, money, reason ?? "", moveTo), ct),
            () => decision switch
            {
                { Status: DecisionStatus.AwaitingApproval } => NotYet($"That is above your limit of {new Domain.Common.Money(decision.Limit ?? 0, site.Currency).Format(System.Globalization.CultureInfo.GetCultureInfo("en-US"))}: waiting for approval. The managers have it in their inbox now; you will hear their answer in yours. Tell the customer a manager will confirm."),
                { Action: DecisionAction.Reschedule, MovedTo: { } moved } =>
                    $"Moved to {moved.LocalStartsAt.ToString("dddd d MMMM 'at' h:mm tt", System.Globalization.CultureInfo.GetCultureInfo("en-US"))} with {moved.AdvisorName}, and recorded as a recovery decision. The customer is sent the new time unless they have turned messages off (in their quiet hours it waits until the morning).",
                _ => "Recorded on the customer's timeline. Thank you for putting it right.",
            },
            () => LaneAddress, ct);
    }

    private string LaneAddress => $"/service?date={Date:yyyy-MM-dd}{(Advisor == "me" ? "&advisor=me" : "")}";

    /// <summary>The lane again, with the free times for one visit at risk worked out, scrolled to that visit.</summary>
    public string FixAddress(Guid visitId) => $"{LaneAddress}&fix={visitId}#visit-{visitId}";

    protected override async Task LoadAsync(CancellationToken ct)
    {
        var site = await siteContext.GetAsync(ct);
        Site = site;
        LocalNow = site.ToLocal(clock.GetUtcNow().UtcDateTime);
        Today = DateOnly.FromDateTime(LocalNow);
        if (Date is { } asked && !GetLane.IsPlausibleDay(asked))
        {
            Errors.Add($"There is no lane for {asked:yyyy-MM-dd}: pick a day {GetLane.DayRange}. Showing today.");
            Date = null;
        }

        Lane = await mediator.Send(new GetLane.Query(Date ?? Today, Advisor == "me" ? staff.StaffId : null, Fix), ct);
        Date = Lane.Date;
    }

    /// <summary>A stored UTC time as the site's wall clock reads it.</summary>
    public string Local(DateTime utc, string format) => Site.ToLocal(utc).ToString(format, System.Globalization.CultureInfo.GetCultureInfo("en-US"));

    /// <summary>
    /// The visit needs putting right: the parts will not make it, or it is the day and they are not on the shelf.
    /// Parts on order in time for a later day are not a problem yet.
    /// </summary>
    public bool NeedsRecovery(AppointmentView a) => GetLane.NeedsRecovery(a, Today);

    /// <summary>Labour as people say it: "45 min", "2 h", "1.5 h".</summary>
    public static string Labour(int minutes) =>
        minutes < 60 ? $"{minutes} min" : $"{(minutes / 60m).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)} h";

    /// <summary>
    /// A sensible ready-by to start from: the booked labour plus an hour from drop-off, or from now when the car
    /// arrives late (never a time already past), on the half hour.
    /// </summary>
    public static DateTime SuggestedReady(AppointmentView a, DateTime localNow)
    {
        ArgumentNullException.ThrowIfNull(a);
        var ready = (a.LocalStartsAt > localNow ? a.LocalStartsAt : localNow).AddMinutes(a.LabourMinutes + 60);
        return ready.AddMinutes((30 - (ready.Minute % 30)) % 30).AddSeconds(-ready.Second);
    }

    public static (string Css, string Text) Chip(PartLineView line) => line.State switch
    {
        PartLineState.Reserved => ("badge-ok", "Ready"),
        PartLineState.OnOrder when line.OrderNotSent => ("badge-warn", $"Draft, not yet sent · could be here {line.Eta:ddd d MMM}"),
        PartLineState.OnOrder when line.InTime => ("badge-brand", $"On order · due {line.Eta:ddd d MMM}"),
        PartLineState.OnOrder => ("badge-bad", $"Late · due {line.Eta:ddd d MMM}"),
        PartLineState.NoSupplier => ("badge-bad", "Short · no supplier"),
        _ => ("badge-warn", "Being planned"),
    };

    public static (string Css, string Text) Readiness(AppointmentView a) => a.Readiness switch
    {
        PartsReadiness.Ready => ("badge-ok", "All parts ready"),
        PartsReadiness.NoParts => ("badge-ok", "No parts needed"),
        PartsReadiness.Ordered => ("badge-brand", $"Parts due {a.PartsExpectedBy:ddd d MMM}"),
        PartsReadiness.AtRisk => ("badge-bad", "Parts will not make it"),
        _ => ("badge-warn", "Parts being planned"),
    };
}
