using Dealership.Domain.Common;

namespace Dealership.Domain.Service;

/// <summary>
/// A car booked into the workshop at one site: the customer's concern in their own words, the operations
/// known in advance, a drop-off time with an advisor, and one line per part those operations need. The
/// lines carry where each part stands (reserved from stock, on order with an ETA, short), which is what
/// the advisor's lane shows at check-in and what decides whether the appointment is at risk.
/// </summary>
public sealed partial class ServiceAppointment : AggregateRoot, ISiteScoped
{
    private readonly List<AppointmentOperation> _operations = [];
    private readonly List<AppointmentPartLine> _partLines = [];

    private ServiceAppointment() { }

    public ServiceAppointment(Guid siteId, Guid customerId, Guid vehicleId, Guid advisorStaffId, string concern, DateTime startsAt, DateOnly date,
        bool walkIn, IEnumerable<AppointmentOperation> operations, IEnumerable<AppointmentPartLine> partLines, Guid createdBy, DateTime now, bool bookedByCustomer = false)
    {
        BookedByCustomer = bookedByCustomer;
        SiteId = siteId;
        CustomerId = customerId;
        VehicleId = vehicleId;
        AdvisorStaffId = advisorStaffId;
        Concern = string.IsNullOrWhiteSpace(concern) ? throw new DomainRuleException("Write down the concern in the customer's words.", "concern-required") : concern.Trim();
        StartsAt = startsAt;
        Date = date;
        WalkIn = walkIn;
        _operations.AddRange(operations);
        _partLines.AddRange(partLines);
        LabourMinutes = _operations.Sum(o => o.LabourMinutes);
        if (LabourMinutes == 0)
        {
            // A concern without a known operation still takes the diagnosis hour.
            LabourMinutes = DiagnosisMinutes;
        }

        Status = AppointmentStatus.Booked;
        CreatedAt = now;
        CreatedBy = createdBy;
        Readiness = _partLines.Count == 0 ? PartsReadiness.NoParts : PartsReadiness.Planning;
        Raise(new AppointmentBooked(this, now));
    }

    /// <summary>
    /// The appointment as the parts planner works on it, built from the columns it reads: who and when, where its parts
    /// stand, and its part lines, without its operations or its workshop record (findings, extra work, bill), which
    /// planning neither reads nor changes. Materialising 10,000 whole visits with every owned collection took most of a
    /// run's read at group scale (issue #14). EF never saves such a copy: the planner writes back the readiness and the
    /// lines alone (the application's <c>UntrackedVisits</c>), so the parts it lacks are never written as empty.
    /// </summary>
    public static ServiceAppointment ForPartsPlanning(Guid id, long version, Guid siteId, Guid customerId, Guid vehicleId, Guid advisorStaffId,
        DateTime startsAt, DateOnly date, DateTime createdAt, AppointmentStatus status, PartsReadiness readiness, bool waitedForParts, DateTime? atRiskSince,
        IEnumerable<AppointmentPartLine> partLines)
    {
        var appointment = new ServiceAppointment
        {
            Id = id,
            SiteId = siteId,
            CustomerId = customerId,
            VehicleId = vehicleId,
            AdvisorStaffId = advisorStaffId,
            StartsAt = startsAt,
            Date = date,
            CreatedAt = createdAt,
            Status = status,
            Readiness = readiness,
            WaitedForParts = waitedForParts,
            AtRiskSince = atRiskSince,
            IsPlanningCopy = true,
        };
        appointment.ReadAtVersion(version);
        appointment._partLines.AddRange(partLines);
        return appointment;
    }

    /// <summary>Built by <see cref="ForPartsPlanning"/> without its operations and workshop record: never to be saved whole.</summary>
    public bool IsPlanningCopy { get; private init; }

    /// <summary>Labour booked when the concern is known but no operation is (yet): a diagnosis.</summary>
    public const int DiagnosisMinutes = 60;

    public Guid SiteId { get; private set; }

    public Guid CustomerId { get; private set; }

    public Guid VehicleId { get; private set; }

    public Guid AdvisorStaffId { get; private set; }

    /// <summary>What the customer said, as they said it ("wipers stopped working").</summary>
    public string Concern { get; private set; } = "";

    /// <summary>Drop-off time (UTC).</summary>
    public DateTime StartsAt { get; private set; }

    /// <summary>The drop-off day in the site's calendar; capacity is counted per site and day.</summary>
    public DateOnly Date { get; private set; }

    public bool WalkIn { get; private set; }

    public int LabourMinutes { get; private set; }

    public AppointmentStatus Status { get; private set; }

    /// <summary>Where the parts stand, kept with the lines so lists and the lane filter on it without loading lines.</summary>
    public PartsReadiness Readiness { get; private set; }

    /// <summary>True once any part had to be ordered: the customer then hears when everything is in.</summary>
    public bool WaitedForParts { get; private set; }

    public DateTime? AtRiskSince { get; private set; }

    public DateTime? ConfirmedAt { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>The staff member who booked it, or (when <see cref="BookedByCustomer"/>) the customer themselves.</summary>
    public Guid CreatedBy { get; private set; }

    /// <summary>Booked by the customer on their own page, from the workshop's real availability.</summary>
    public bool BookedByCustomer { get; private set; }

    public string? LastChangeReason { get; private set; }

    public int? Mileage { get; private set; }

    public string? ConcernConfirmed { get; private set; }

    public string? UpdatesContact { get; private set; }

    public DateTime? PromisedReadyAt { get; private set; }

    public DateTime? CheckedInAt { get; private set; }

    /// <summary>Where the parts stood when the car came in: the measure of "parts ready before the car arrives".</summary>
    public PartsReadiness? PartsAtCheckIn { get; private set; }

    public Guid? CheckedInBy { get; private set; }

    public IReadOnlyList<AppointmentOperation> Operations => _operations;

    public IReadOnlyList<AppointmentPartLine> PartLines => _partLines;

    public bool IsActive => Status == AppointmentStatus.Booked;

    public void Reschedule(DateTime startsAt, DateOnly date, Guid advisorStaffId, string reason, bool byCustomer, DateTime now)
    {
        EnsureBooked("moved");
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("Say why the appointment moves: it goes on the customer's timeline.", "reason-required");
        }

        var previous = StartsAt;
        StartsAt = startsAt;
        Date = date;
        AdvisorStaffId = advisorStaffId;
        LastChangeReason = reason.Trim();
        ConfirmedAt = null;
        RecordChange();
        Raise(new AppointmentRescheduled(this, previous, LastChangeReason, byCustomer, now));
    }

    /// <summary>Cancels the visit; the reserved units go back to stock (the caller releases them on the part rows).</summary>
    public IReadOnlyList<AppointmentPartLine> Cancel(string reason, bool byCustomer, DateTime now)
    {
        EnsureBooked("cancelled");
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("Say why the appointment is cancelled.", "reason-required");
        }

        var reserved = _partLines.Where(l => l.State == PartLineState.Reserved).ToList();
        foreach (var line in _partLines)
        {
            line.Reset();
        }

        Status = AppointmentStatus.Cancelled;
        LastChangeReason = reason.Trim();
        Readiness = _partLines.Count == 0 ? PartsReadiness.NoParts : PartsReadiness.Planning;
        RecordChange();
        Raise(new AppointmentCancelled(this, LastChangeReason, byCustomer, now));
        return reserved;
    }

    /// <summary>The customer pressed "I'll be there" on the reminder.</summary>
    public void ConfirmAttendance(DateTime now)
    {
        EnsureBooked("confirmed");
        if (ConfirmedAt is not null)
        {
            return;
        }

        ConfirmedAt = now;
        RecordChange();
        Raise(new AttendanceConfirmed(this, now));
    }

    public void CheckIn(int mileage, string concernConfirmed, string updatesContact, DateTime promisedReadyAt, Guid staffId, DateTime now)
    {
        EnsureBooked("checked in");
        if (mileage is < 0 or > 2_000_000)
        {
            throw new DomainRuleException("Enter the odometer reading.", "mileage");
        }

        if (promisedReadyAt <= now)
        {
            throw new DomainRuleException("The promised-ready time must be in the future.", "promise-in-past");
        }

        Mileage = mileage;
        ConcernConfirmed = string.IsNullOrWhiteSpace(concernConfirmed) ? Concern : concernConfirmed.Trim();
        UpdatesContact = updatesContact.Trim();
        PromisedReadyAt = promisedReadyAt;
        CheckedInAt = now;
        CheckedInBy = staffId;
        PartsAtCheckIn = Readiness;
        Status = AppointmentStatus.CheckedIn;
        RecordChange();
        Raise(new AppointmentCheckedIn(this, now));
    }

    public void ReserveLine(AppointmentPartLine line)
    {
        Own(line).MarkReserved();
        RecordChange();
    }

    public void MarkLineOrdered(AppointmentPartLine line, Guid partsOrderId, DateOnly eta)
    {
        Own(line).MarkOrdered(partsOrderId, eta);
        WaitedForParts = true;
        RecordChange();
    }

    public void MarkLineNoSupplier(AppointmentPartLine line)
    {
        Own(line).MarkNoSupplier();
        WaitedForParts = true;
        RecordChange();
    }

    /// <summary>Gives a reserved line's units back (the appointment left the planning horizon); returns the quantity to release.</summary>
    public int ReleaseLine(AppointmentPartLine line)
    {
        var owned = Own(line);
        var quantity = owned.State == PartLineState.Reserved ? owned.Quantity : 0;
        owned.Reset();
        RecordChange();
        return quantity;
    }

    /// <summary>A supplier confirmed a different date for an order this appointment waits on.</summary>
    public void UpdateEta(Guid partsOrderId, DateOnly eta)
    {
        foreach (var line in _partLines.Where(l => l.State == PartLineState.OnOrder && l.PartsOrderId == partsOrderId))
        {
            line.MarkOrdered(partsOrderId, eta);
        }

        RecordChange();
    }

    /// <summary>
    /// Works out where the parts stand against the day they are needed (a working day before the visit) and
    /// says what changed, so the caller tells the advisor and customer once: on becoming at risk, or ready
    /// after a wait.
    /// </summary>
    public ReadinessChange AssessParts(DateOnly needBy, DateTime now)
    {
        var before = Readiness;
        Readiness = _partLines.Count == 0 ? PartsReadiness.NoParts
            : _partLines.Any(l => l.State == PartLineState.NoSupplier || (l.State == PartLineState.OnOrder && l.Eta > needBy)) ? PartsReadiness.AtRisk
            : _partLines.Any(l => l.State == PartLineState.Needed) ? PartsReadiness.Planning
            : _partLines.Any(l => l.State == PartLineState.OnOrder) ? PartsReadiness.Ordered
            : PartsReadiness.Ready;
        if (Readiness == before)
        {
            return ReadinessChange.None;
        }

        RecordChange();
        if (Readiness == PartsReadiness.AtRisk)
        {
            AtRiskSince = now;
            return ReadinessChange.BecameAtRisk;
        }

        AtRiskSince = null;
        return Readiness == PartsReadiness.Ready && WaitedForParts ? ReadinessChange.BecameReadyAfterWait : ReadinessChange.None;
    }

    /// <summary>The earliest day all parts can be on the shelf (the latest ETA of the lines on order), if any are on order.</summary>
    public DateOnly? PartsExpectedBy() => PartsExpectedBy(_partLines.Select(l => (l.State, l.Eta)));

    /// <summary>The same rule over lines read without the aggregate (a list's projection).</summary>
    public static DateOnly? PartsExpectedBy(IEnumerable<(PartLineState State, DateOnly? Eta)> lines) =>
        lines.Where(l => l.State == PartLineState.OnOrder).Select(l => l.Eta).Max();

    private AppointmentPartLine Own(AppointmentPartLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return _partLines.Contains(line) ? line : throw new InvalidOperationException("The line belongs to another appointment.");
    }

    private void EnsureBooked(string what)
    {
        if (Status != AppointmentStatus.Booked)
        {
            throw new DomainRuleException($"This appointment is {Describe(Status)}; it can no longer be {what}.", "appointment-closed");
        }
    }

    public static string Describe(AppointmentStatus status) => status switch
    {
        AppointmentStatus.Booked => "booked",
        AppointmentStatus.CheckedIn => "checked in",
        AppointmentStatus.Cancelled => "cancelled",
        AppointmentStatus.NoShow => "a no-show",
        AppointmentStatus.InProgress => "in the workshop",
        AppointmentStatus.Ready => "ready for pickup",
        AppointmentStatus.Collected => "collected",
        _ => status.ToString(),
    };
}

/// <summary>An operation as booked: copied from the catalogue so later catalogue edits do not rewrite history.</summary>
public sealed class AppointmentOperation
{
    private AppointmentOperation() { }

    public AppointmentOperation(string code, string description, int labourMinutes)
    {
        Code = code;
        Description = description;
        LabourMinutes = labourMinutes;
    }

    public int Id { get; private set; }

    public string Code { get; private set; } = "";

    public string Description { get; private set; } = "";

    public int LabourMinutes { get; private set; }
}

/// <summary>One part an appointment needs, and where it stands.</summary>
public sealed class AppointmentPartLine
{
    private AppointmentPartLine() { }

    public AppointmentPartLine(Guid partId, string partNumber, string description, int quantity, Guid? extraWorkId = null)
    {
        PartId = partId;
        ExtraWorkId = extraWorkId;
        PartNumber = partNumber;
        Description = description;
        Quantity = quantity > 0 ? quantity : throw new DomainRuleException("A part line needs at least one unit.", "quantity-required");
        State = PartLineState.Needed;
    }

    /// <summary>A line as stored, for <see cref="ServiceAppointment.ForPartsPlanning"/>.</summary>
    public static AppointmentPartLine AsStored(int id, Guid partId, string partNumber, string description, int quantity, PartLineState state,
        Guid? extraWorkId, Guid? partsOrderId, DateOnly? eta) => new()
    {
        Id = id,
        PartId = partId,
        PartNumber = partNumber,
        Description = description,
        Quantity = quantity,
        State = state,
        ExtraWorkId = extraWorkId,
        PartsOrderId = partsOrderId,
        Eta = eta,
    };

    public int Id { get; private set; }

    public Guid PartId { get; private set; }

    public string PartNumber { get; private set; } = "";

    public string Description { get; private set; } = "";

    public int Quantity { get; private set; }

    public PartLineState State { get; private set; }

    /// <summary>Set when the line came with approved extra work (billed with that work, not as booked parts).</summary>
    public Guid? ExtraWorkId { get; private set; }

    public Guid? PartsOrderId { get; private set; }

    /// <summary>When the part is expected (for lines on order).</summary>
    public DateOnly? Eta { get; private set; }

    internal void MarkReserved()
    {
        State = PartLineState.Reserved;
        Eta = null;
    }

    internal void MarkOrdered(Guid partsOrderId, DateOnly eta)
    {
        State = PartLineState.OnOrder;
        PartsOrderId = partsOrderId;
        Eta = eta;
    }

    internal void MarkNoSupplier()
    {
        State = PartLineState.NoSupplier;
        PartsOrderId = null;
        Eta = null;
    }

    internal void Reset()
    {
        State = PartLineState.Needed;
        PartsOrderId = null;
        Eta = null;
    }
}

public enum AppointmentStatus
{
    Booked,
    CheckedIn,
    Cancelled,
    NoShow,

    /// <summary>A technician is on it (inspection, booked work, approved extras).</summary>
    InProgress,

    /// <summary>Work done, bill ready; the car waits for the customer.</summary>
    Ready,

    /// <summary>Paid and driven away: car and keys released from custody.</summary>
    Collected,
}

public enum PartLineState
{
    /// <summary>Not yet planned by the pre-ordering job.</summary>
    Needed,
    Reserved,
    OnOrder,

    /// <summary>Short, and no supplier carries it: nobody can get it in.</summary>
    NoSupplier,
}

public enum PartsReadiness
{
    NoParts,
    Planning,
    Ordered,
    Ready,
    AtRisk,
}

public enum ReadinessChange
{
    None,
    BecameAtRisk,
    BecameReadyAfterWait,
}

public sealed record AppointmentBooked(ServiceAppointment Appointment, DateTime OccurredAt) : IDomainEvent;

public sealed record AppointmentRescheduled(ServiceAppointment Appointment, DateTime PreviousStartsAt, string Reason, bool ByCustomer, DateTime OccurredAt) : IDomainEvent;

public sealed record AppointmentCancelled(ServiceAppointment Appointment, string Reason, bool ByCustomer, DateTime OccurredAt) : IDomainEvent;

public sealed record AttendanceConfirmed(ServiceAppointment Appointment, DateTime OccurredAt) : IDomainEvent;

public sealed record AppointmentCheckedIn(ServiceAppointment Appointment, DateTime OccurredAt) : IDomainEvent;
