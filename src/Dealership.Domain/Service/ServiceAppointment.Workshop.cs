using Dealership.Domain.Common;
using Dealership.Domain.Handover;

namespace Dealership.Domain.Service;

/// <summary>
/// The visit after check-in: the workshop starts, inspects (green / soon / now per item, with photos), proposes
/// extra work that the customer approves or declines item by item, finishes, and hands the car back against
/// payment. Nothing unapproved can be started or billed; every step raises an event the customer hears about.
/// </summary>
public sealed partial class ServiceAppointment
{
    /// <summary>Photos per inspection finding: enough to show what was found, few enough for a phone.</summary>
    public const int MaxPhotosPerFinding = 4;

    private readonly List<InspectionFinding> _inspection = [];
    private readonly List<ExtraWork> _extraWork = [];
    private readonly List<InspectionPhoto> _photos = [];

    public IReadOnlyList<InspectionFinding> Inspection => _inspection;

    public IReadOnlyList<ExtraWork> ExtraWork => _extraWork;

    public IReadOnlyList<InspectionPhoto> Photos => _photos;

    public DateTime? WorkStartedAt { get; private set; }

    public DateTime? InspectedAt { get; private set; }

    public Guid? InspectedBy { get; private set; }

    public DateTime? ReadyAt { get; private set; }

    public DateTime? CollectedAt { get; private set; }

    public Guid? CollectedBy { get; private set; }

    public DateTime? NoShowAt { get; private set; }

    /// <summary>What the customer paid at collection (minor units of the site's currency), the bill's total at that moment.</summary>
    public long? PaidAmount { get; private set; }

    public string? PaymentMethod { get; private set; }

    public string? PaymentReference { get; private set; }

    /// <summary>In the workshop and not yet handed back: the states the workshop board shows.</summary>
    public bool InWorkshop => Status is AppointmentStatus.CheckedIn or AppointmentStatus.InProgress or AppointmentStatus.Ready;

    /// <summary>Some proposed work waits for the customer's answer: the "waiting for approval" stage.</summary>
    public bool AwaitingApproval => _extraWork.Any(w => w.Status == ExtraWorkStatus.Proposed);

    /// <summary>The stage in words the customer and the board share.</summary>
    public WorkshopStage Stage => Status switch
    {
        AppointmentStatus.CheckedIn => WorkshopStage.CheckedIn,
        AppointmentStatus.InProgress when AwaitingApproval => WorkshopStage.AwaitingApproval,
        AppointmentStatus.InProgress => WorkshopStage.InProgress,
        AppointmentStatus.Ready => WorkshopStage.Ready,
        AppointmentStatus.Collected => WorkshopStage.Collected,
        _ => WorkshopStage.NotInWorkshop,
    };

    /// <summary>A technician (or the advisor) takes the car in: the first workshop milestone the customer hears.</summary>
    public void StartWork(Guid staffId, DateTime now)
    {
        if (Status == AppointmentStatus.InProgress)
        {
            return;
        }

        EnsureStatus(AppointmentStatus.CheckedIn, "started");
        Status = AppointmentStatus.InProgress;
        WorkStartedAt = now;
        RecordChange();
        Raise(new WorkStarted(this, staffId, now));
    }

    /// <summary>
    /// Records the multi-point inspection. Each finding needing attention that names the work it needs becomes a
    /// priced proposal for the customer; findings without work are advice ("keep an eye on it"). Recorded once:
    /// what the customer has been shown is not rewritten behind their back.
    /// </summary>
    public void RecordInspection(IReadOnlyList<NewFinding> findings, Guid staffId, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(findings);
        EnsureStatus(AppointmentStatus.InProgress, "inspected");
        if (InspectedAt is not null)
        {
            throw new DomainRuleException("The inspection is already recorded and the customer has it; add a finding as extra work instead.", "inspection-recorded");
        }

        if (findings.Count == 0)
        {
            throw new DomainRuleException("Record at least one inspected item.", "inspection-empty");
        }

        if (findings.Select(f => f.Area).Distinct().Count() != findings.Count)
        {
            throw new DomainRuleException("Each item is inspected once; an item appears twice.", "inspection-duplicate");
        }

        var number = 0;
        foreach (var finding in findings)
        {
            if (finding.Rating != InspectionRating.Green && string.IsNullOrWhiteSpace(finding.Note))
            {
                throw new DomainRuleException($"Say what you found on the {finding.Area.ToLowerInvariant()}: the customer reads it.", "finding-note-required");
            }

            if (finding.Rating == InspectionRating.Green && finding.Proposal is not null)
            {
                throw new DomainRuleException($"The {finding.Area.ToLowerInvariant()} is marked green: no extra work is proposed for it.", "green-with-work");
            }

            var item = new InspectionFinding(++number, finding.Area, finding.Rating, finding.Note);
            _inspection.Add(item);
            if (finding.Proposal is { } proposal)
            {
                _extraWork.Add(new ExtraWork(item.Number, finding.Rating, finding.Note!, proposal, now));
            }
        }

        InspectedAt = now;
        InspectedBy = staffId;
        RecordChange();
        Raise(new InspectionRecorded(this, staffId, now));
    }

    public InspectionPhoto AddPhoto(int findingNumber, string contentType, long bytes, string storedName, DateTime now)
    {
        if (Status is not (AppointmentStatus.InProgress or AppointmentStatus.Ready))
        {
            throw new DomainRuleException($"This visit is {Describe(Status)}; photos are added while the car is in the workshop.", "visit-not-in-workshop");
        }

        if (_inspection.All(f => f.Number != findingNumber))
        {
            throw new DomainRuleException("No such inspection item on this visit.", "not-found");
        }

        if (_photos.Count(p => p.FindingNumber == findingNumber) >= MaxPhotosPerFinding)
        {
            throw new DomainRuleException($"An item has at most {MaxPhotosPerFinding} photos.", "photos-full");
        }

        var photo = new InspectionPhoto(findingNumber, contentType, bytes, storedName, now);
        _photos.Add(photo);
        RecordChange();
        return photo;
    }

    /// <summary>The customer opened the proposals on their page: shown to staff so nobody chases an unread message.</summary>
    public bool RecordProposalsViewed(DateTime now)
    {
        var unseen = _extraWork.Where(w => w.Status == ExtraWorkStatus.Proposed && w.ViewedAt is null).ToList();
        foreach (var work in unseen)
        {
            work.MarkViewed(now);
        }

        if (unseen.Count > 0)
        {
            RecordChange();
        }

        return unseen.Count > 0;
    }

    /// <summary>
    /// The customer's answer on one proposal, from their page or told to staff. Approving adds its parts to the
    /// visit's lines (reserved or ordered like booked work) and, when a part must come in, moves the ready time
    /// the customer was shown before they approved.
    /// </summary>
    public ExtraWork AnswerExtraWork(Guid workId, bool approved, ChoiceChannel via, Guid? recordedBy, DateTime now)
    {
        var work = _extraWork.FirstOrDefault(w => w.Id == workId) ?? throw new DomainRuleException("No such proposed work on this visit.", "not-found");
        if (Status != AppointmentStatus.InProgress)
        {
            throw new DomainRuleException($"This visit is {Describe(Status)}; proposed work can no longer be answered.", "visit-not-in-workshop");
        }

        if (work.Status != ExtraWorkStatus.Proposed)
        {
            throw new DomainRuleException($"“{work.Title}” was already {(work.Status == ExtraWorkStatus.Declined ? "declined" : "approved")}.", "already-answered");
        }

        if (via == ChoiceChannel.TrackingPage && recordedBy is not null)
        {
            throw new DomainRuleException("Staff record how the customer told them (phone, in person, text or email); the page is the customer's own.", "channel-not-yours");
        }

        work.Answer(approved, via, recordedBy, now);
        if (approved)
        {
            foreach (var part in work.Parts)
            {
                _partLines.Add(new AppointmentPartLine(part.PartId, part.PartNumber, part.Description, part.Quantity, work.Id));
            }

            if (work.ReadyByIfApproved is { } later && (PromisedReadyAt is null || later > PromisedReadyAt))
            {
                var previous = PromisedReadyAt;
                PromisedReadyAt = later;
                Raise(new ReadyTimeMoved(this, previous, later, $"waiting for parts for “{work.Title}”", now));
            }
        }

        RecordChange();
        Raise(new ExtraWorkAnswered(this, work, approved, via, recordedBy, now));
        return work;
    }

    /// <summary>
    /// The workshop will not make the time it promised (a fault takes longer, a car ahead overran): the advisor
    /// moves it, with the reason the customer is told, ideally before it falls due (then the promise counts as
    /// renegotiated, not broken).
    /// </summary>
    public void MoveReadyTime(DateTime later, string reason, DateTime now)
    {
        if (Status is not (AppointmentStatus.CheckedIn or AppointmentStatus.InProgress))
        {
            throw new DomainRuleException($"This visit is {Describe(Status)}; its ready time can no longer move.", "visit-state");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("Say why the car needs longer: the customer is told.", "reason-required");
        }

        if (later <= now)
        {
            throw new DomainRuleException("The new ready time must be in the future.", "promise-in-past");
        }

        // A promise the parts cannot keep is not a promise: after the last part is due at the earliest.
        if (_partLines.Where(l => l.State != PartLineState.Reserved).Select(l => l.Eta).Max() is { } due && DateOnly.FromDateTime(later) < due)
        {
            throw new DomainRuleException($"A part for this car is due {due:ddd, MMM d}: promise a time after it arrives.", "before-parts");
        }

        var previous = PromisedReadyAt;
        PromisedReadyAt = later;
        RecordChange();
        Raise(new ReadyTimeMoved(this, previous, later, reason.Trim(), now, TellCustomer: true));
    }

    /// <summary>A technician starts an extra item: only what the customer approved.</summary>
    public void StartExtraWork(Guid workId, DateTime now)
    {
        var work = _extraWork.FirstOrDefault(w => w.Id == workId) ?? throw new DomainRuleException("No such proposed work on this visit.", "not-found");
        EnsureStatus(AppointmentStatus.InProgress, "worked on");
        if (work.Status != ExtraWorkStatus.Approved)
        {
            throw new DomainRuleException(work.Status == ExtraWorkStatus.Declined
                ? $"The customer declined “{work.Title}”; it must not be done."
                : $"“{work.Title}” is waiting for the customer's approval; it cannot be started before they say yes.", "not-approved");
        }

        work.Start(now);
        RecordChange();
    }

    /// <summary>
    /// The work is done: the car is ready for pickup and the bill is final. Reserved lines are consumed (the
    /// caller takes the units out of stock). Refused while a proposal waits for an answer, or a part is not in.
    /// </summary>
    public IReadOnlyList<AppointmentPartLine> MarkReady(Guid staffId, DateTime now)
    {
        EnsureStatus(AppointmentStatus.InProgress, "marked ready");
        if (InspectedAt is null)
        {
            throw new DomainRuleException("Record the inspection first: the customer is promised one with every visit.", "inspection-missing");
        }

        if (_extraWork.FirstOrDefault(w => w.Status == ExtraWorkStatus.Proposed) is { } open)
        {
            throw new DomainRuleException($"The customer has not answered about “{open.Title}” yet: record their answer first (a car is not finished with a question open).", "awaiting-approval");
        }

        if (_partLines.FirstOrDefault(l => l.State != PartLineState.Reserved) is { } missing)
        {
            throw new DomainRuleException($"Part {missing.PartNumber} ({missing.Description}) is not in the workshop yet; the car cannot be ready without it.", "parts-missing");
        }

        // Approved work is billed as done: it must at least have been started, so "ready" cannot bill work nobody did.
        if (_extraWork.FirstOrDefault(w => w.Status == ExtraWorkStatus.Approved && w.StartedAt is null) is { } untouched)
        {
            throw new DomainRuleException($"“{untouched.Title}” was approved but never started: do it (start it on the page) before the car is ready.", "approved-not-started");
        }

        var consumed = _partLines.ToList();
        foreach (var work in _extraWork.Where(w => w.Status == ExtraWorkStatus.Approved))
        {
            work.Complete(now);
        }

        Status = AppointmentStatus.Ready;
        ReadyAt = now;
        RecordChange();
        Raise(new VisitReady(this, staffId, now));
        return consumed;
    }

    /// <summary>
    /// The customer pays and drives away: paid in full (a pending cheque or transfer is not payment), in one
    /// step with the release of car and keys (done by the caller in the same transaction).
    /// </summary>
    public void Collect(Money bill, Money paid, string method, bool pending, string? reference, Guid staffId, DateTime now)
    {
        EnsureStatus(AppointmentStatus.Ready, "collected");
        if (pending)
        {
            throw new DomainRuleException("That payment has not cleared yet. The car is handed back against card, cash, or a check or bank transfer that has cleared; keep the car until then, or take another way to pay.", "payment-pending");
        }

        if (paid.Currency != bill.Currency || paid.Amount != bill.Amount)
        {
            var us = System.Globalization.CultureInfo.GetCultureInfo("en-US");
            throw new DomainRuleException(paid.Currency != bill.Currency ? $"The bill is in {bill.Currency}."
                : paid.Amount < bill.Amount
                ? $"The payment does not cover the bill: {(bill - paid).Format(us)} is still due."
                : $"The payment is {(paid - bill).Format(us)} more than the bill; take the exact amount.", "payment-mismatch");
        }

        if (bill.Amount > 0 && string.IsNullOrWhiteSpace(reference) && method is not "Cash")
        {
            throw new DomainRuleException("Enter the payment reference (card slip or transfer number) for the receipt.", "reference-required");
        }

        Status = AppointmentStatus.Collected;
        CollectedAt = now;
        CollectedBy = staffId;
        PaidAmount = paid.Amount;
        PaymentMethod = method;
        PaymentReference = string.IsNullOrWhiteSpace(reference) ? null : reference.Trim();
        RecordChange();
        Raise(new VisitCollected(this, staffId, now));
    }

    /// <summary>Not checked in by the end of its day: frees the day's capacity and the reserved parts (returned for the caller to release).</summary>
    public IReadOnlyList<AppointmentPartLine> MarkNoShow(DateTime now)
    {
        EnsureBooked("marked a no-show");
        var reserved = _partLines.Where(l => l.State == PartLineState.Reserved).ToList();
        foreach (var line in _partLines)
        {
            line.Reset();
        }

        Status = AppointmentStatus.NoShow;
        NoShowAt = now;
        Readiness = _partLines.Count == 0 ? PartsReadiness.NoParts : PartsReadiness.Planning;
        RecordChange();
        Raise(new AppointmentNoShow(this, now));
        return reserved;
    }

    private void EnsureStatus(AppointmentStatus expected, string what)
    {
        if (Status != expected)
        {
            throw new DomainRuleException($"This visit is {Describe(Status)}; it cannot be {what} now.", "visit-state");
        }
    }
}

/// <summary>Where a visit stands in the workshop, as the board and the customer's page say it.</summary>
public enum WorkshopStage
{
    NotInWorkshop,
    CheckedIn,
    InProgress,
    AwaitingApproval,
    Ready,
    Collected,
}

public enum InspectionRating
{
    Green,

    /// <summary>Needs attention soon: safe today, plan it.</summary>
    Soon,

    /// <summary>Needs attention now: a safety or damage risk.</summary>
    Now,
}

/// <summary>What the inspector entered for one item; <see cref="Proposal"/> is the priced work it needs, if any.</summary>
public sealed record NewFinding(string Area, InspectionRating Rating, string? Note, ExtraWorkProposal? Proposal);

/// <summary>Priced extra work, worked out by the caller from the catalogue (labour at the site's rate) and stock (parts at sell price).</summary>
public sealed record ExtraWorkProposal(string Title, string? IfYouWait, int LabourMinutes, long LabourAmount, IReadOnlyList<ExtraWorkPart> Parts, DateTime? ReadyByIfApproved);

/// <summary>One inspected item.</summary>
public sealed class InspectionFinding
{
    private InspectionFinding() { }

    internal InspectionFinding(int number, string area, InspectionRating rating, string? note)
    {
        Number = number;
        Area = string.IsNullOrWhiteSpace(area) ? throw new DomainRuleException("Name the inspected item.", "area-required") : area.Trim();
        Rating = rating;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }

    public int Id { get; private set; }

    /// <summary>The item's number within the visit (1, 2, …): photos and proposals refer to it.</summary>
    public int Number { get; private set; }

    public string Area { get; private set; } = "";

    public InspectionRating Rating { get; private set; }

    public string? Note { get; private set; }
}

/// <summary>A photo of an inspection finding, stored in the data folder under a name the system chose.</summary>
public sealed class InspectionPhoto : Entity
{
    private InspectionPhoto() { }

    internal InspectionPhoto(int findingNumber, string contentType, long bytes, string storedName, DateTime now)
    {
        FindingNumber = findingNumber;
        ContentType = contentType;
        Bytes = bytes;
        StoredName = storedName;
        AddedAt = now;
    }

    public Guid AppointmentId { get; private set; }

    public int FindingNumber { get; private set; }

    public string ContentType { get; private set; } = "";

    public long Bytes { get; private set; }

    public string StoredName { get; private set; } = "";

    public DateTime AddedAt { get; private set; }
}

/// <summary>Work the inspection found, priced, waiting for (or given) the customer's yes or no.</summary>
public sealed class ExtraWork
{
    private readonly List<ExtraWorkPart> _parts = [];

    private ExtraWork() { }

    internal ExtraWork(int findingNumber, InspectionRating urgency, string reason, ExtraWorkProposal proposal, DateTime now)
    {
        Id = Guid.NewGuid();
        FindingNumber = findingNumber;
        Urgency = urgency;
        Title = string.IsNullOrWhiteSpace(proposal.Title) ? throw new DomainRuleException("Name the proposed work.", "title-required") : proposal.Title.Trim();
        Reason = reason.Trim();
        IfYouWait = string.IsNullOrWhiteSpace(proposal.IfYouWait) ? null : proposal.IfYouWait.Trim();
        if (proposal.LabourMinutes is < 0 or > 2400 || proposal.LabourAmount < 0 || proposal.Parts.Any(p => p.Quantity <= 0 || p.UnitPrice < 0))
        {
            throw new DomainRuleException("Labour and parts on proposed work must be positive amounts.", "price-invalid");
        }

        if (proposal.LabourMinutes == 0 && proposal.Parts.Count == 0)
        {
            throw new DomainRuleException($"“{Title}” needs labour or parts to be priced.", "price-missing");
        }

        LabourMinutes = proposal.LabourMinutes;
        LabourAmount = proposal.LabourAmount;
        _parts.AddRange(proposal.Parts);
        PartsAmount = _parts.Sum(p => p.UnitPrice * p.Quantity);
        ReadyByIfApproved = proposal.ReadyByIfApproved;
        ProposedAt = now;
        Status = ExtraWorkStatus.Proposed;
    }

    public Guid Id { get; private set; }

    public int FindingNumber { get; private set; }

    public InspectionRating Urgency { get; private set; }

    public string Title { get; private set; } = "";

    /// <summary>Why: what the inspector saw, in words the customer reads.</summary>
    public string Reason { get; private set; } = "";

    /// <summary>What happens if the customer waits ("grinding within a month; discs then need replacing too").</summary>
    public string? IfYouWait { get; private set; }

    public int LabourMinutes { get; private set; }

    public long LabourAmount { get; private set; }

    public long PartsAmount { get; private set; }

    /// <summary>Before tax: what it adds to the bill if approved.</summary>
    public long Total => LabourAmount + PartsAmount;

    public IReadOnlyList<ExtraWorkPart> Parts => _parts;

    /// <summary>When a part must be ordered: the new ready time, told to the customer before they approve.</summary>
    public DateTime? ReadyByIfApproved { get; private set; }

    public ExtraWorkStatus Status { get; private set; }

    public DateTime ProposedAt { get; private set; }

    public DateTime? ViewedAt { get; private set; }

    public DateTime? AnsweredAt { get; private set; }

    public ChoiceChannel? AnsweredVia { get; private set; }

    public Guid? AnswerRecordedBy { get; private set; }

    public DateTime? StartedAt { get; private set; }

    public DateTime? DoneAt { get; private set; }

    internal void MarkViewed(DateTime now) => ViewedAt ??= now;

    internal void Answer(bool approved, ChoiceChannel via, Guid? recordedBy, DateTime now)
    {
        Status = approved ? ExtraWorkStatus.Approved : ExtraWorkStatus.Declined;
        AnsweredAt = now;
        AnsweredVia = via;
        AnswerRecordedBy = recordedBy;
    }

    internal void Start(DateTime now) => StartedAt ??= now;

    internal void Complete(DateTime now)
    {
        StartedAt ??= now;
        DoneAt = now;
    }
}

/// <summary>A part on proposed work, priced at the site's sell price when proposed.</summary>
public sealed record ExtraWorkPart(Guid PartId, string PartNumber, string Description, int Quantity, long UnitPrice);

public enum ExtraWorkStatus
{
    Proposed,
    Approved,
    Declined,
}

public sealed record WorkStarted(ServiceAppointment Appointment, Guid StaffId, DateTime OccurredAt) : IDomainEvent;

public sealed record InspectionRecorded(ServiceAppointment Appointment, Guid StaffId, DateTime OccurredAt) : IDomainEvent;

public sealed record ExtraWorkAnswered(ServiceAppointment Appointment, ExtraWork Work, bool Approved, ChoiceChannel Via, Guid? RecordedBy, DateTime OccurredAt) : IDomainEvent;

/// <param name="TellCustomer">False when the customer moved it themselves (approving work whose part must be ordered, having seen the new time).</param>
public sealed record ReadyTimeMoved(ServiceAppointment Appointment, DateTime? Previous, DateTime Next, string Reason, DateTime OccurredAt, bool TellCustomer = false) : IDomainEvent;

public sealed record VisitReady(ServiceAppointment Appointment, Guid StaffId, DateTime OccurredAt) : IDomainEvent;

public sealed record VisitCollected(ServiceAppointment Appointment, Guid StaffId, DateTime OccurredAt) : IDomainEvent;

public sealed record AppointmentNoShow(ServiceAppointment Appointment, DateTime OccurredAt) : IDomainEvent;
