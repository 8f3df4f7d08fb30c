using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Domain.Common;
using Dealership.Domain.Parts;
using Dealership.Domain.Service;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Workshop;

/// <summary>The items a multi-point inspection covers: the standard round, plus what the booked work calls for.</summary>
public static class InspectionChecklist
{
    public static readonly IReadOnlyList<string> Standard = ["Tires", "Brakes", "Fluids", "Wipers", "Battery", "Lights", "Suspension", "Belts and hoses", "Exhaust"];

    private static readonly (string CodePrefix, string[] Items)[] ByOperation =
    [
        ("BRK", ["Brake discs", "Brake fluid"]),
        ("TIRE", ["Wheel alignment", "Spare tire"]),
        ("OIL", ["Oil leaks", "Air filter"]),
        ("WIPER", ["Washer jets"]),
        ("TIMING", ["Water pump", "Coolant"]),
        ("HV", ["Hybrid coolant", "12 V battery"]),
    ];

    public static IReadOnlyList<string> For(IEnumerable<string> operationCodes) =>
        [.. Standard, .. operationCodes.SelectMany(code => ByOperation.Where(o => code.StartsWith(o.CodePrefix, StringComparison.OrdinalIgnoreCase)).SelectMany(o => o.Items)).Distinct()];
}

/// <summary>
/// The multi-point inspection, by a technician or the advisor: green / soon / now per item with a note. An item
/// needing attention may name the catalogue work it needs; that becomes a priced proposal (labour at the site's
/// rate, parts at the site's sell price) with, when a part must be ordered, the ready time the customer would
/// get if they said yes. The customer is told there are decisions waiting on their page.
/// </summary>
public static class RecordInspection
{
    public sealed record Finding(string Area, InspectionRating Rating, string? Note, string? OperationCode = null, string? IfYouWait = null);

    [Allowed(Access.Workshop)]
    public sealed record Command(Guid AppointmentId, IReadOnlyList<Finding> Findings, long? ExpectedVersion) : ICommand<WorkshopVisitView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Findings).NotNull().Must(f => f is { Count: > 0 and <= 30 }).WithMessage("Record between 1 and 30 inspected items.");
            RuleForEach(c => c.Findings).ChildRules(f =>
            {
                f.RuleFor(x => x.Area).NotEmpty().WithMessage("Name each inspected item.").MaximumLength(60);
                f.RuleFor(x => x.Rating).IsInEnum().WithMessage("Rate each item green, soon or now.");
                f.RuleFor(x => x.Note).MaximumLength(1000);
                f.RuleFor(x => x.OperationCode).MaximumLength(20);
                f.RuleFor(x => x.OperationCode).Empty().When(x => x.Rating == InspectionRating.Green).WithMessage("A green item needs no work: leave its work empty.");
                f.RuleFor(x => x.IfYouWait).MaximumLength(500);
            });
        }
    }

    public sealed class Handler(DealershipDbContext db, WorkshopAccess access, WorkshopViews views, ICurrentStaff staff, TimeProvider clock)
        : ICommandHandler<Command, WorkshopVisitView>
    {
        public async ValueTask<WorkshopVisitView> Handle(Command command, CancellationToken cancellationToken)
        {
            var visit = await access.LoadAsync(command.AppointmentId, command.ExpectedVersion, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            var site = await db.Sites.AsNoTracking().FirstAsync(s => s.Id == visit.SiteId, cancellationToken);
            var codes = command.Findings.Where(f => !string.IsNullOrWhiteSpace(f.OperationCode)).Select(f => f.OperationCode!.Trim().ToUpperInvariant()).Distinct().ToList();
            var operations = await db.ServiceOperations.AsNoTracking().Where(o => codes.Contains(o.Code)).ToDictionaryAsync(o => o.Code, cancellationToken);
            if (codes.FirstOrDefault(c => !operations.ContainsKey(c)) is { } unknown)
            {
                throw new DomainRuleException($"There is no operation {unknown} in the catalogue.", "unknown-operation");
            }

            var numbers = operations.Values.SelectMany(o => o.Parts).Select(p => p.PartNumber).Distinct().ToList();
            var parts = await db.Parts.AsNoTracking().Where(p => p.SiteId == site.Id && numbers.Contains(p.PartNumber))
                .ToDictionaryAsync(p => p.PartNumber, cancellationToken);
            var calendar = new WorkingDays(site.OpenDays);
            var today = DateOnly.FromDateTime(site.ToLocal(now));

            var findings = command.Findings.Select(f =>
            {
                var code = f.OperationCode?.Trim().ToUpperInvariant();
                if (string.IsNullOrEmpty(code))
                {
                    return new NewFinding(f.Area, f.Rating, f.Note, null);
                }

                return new NewFinding(f.Area, f.Rating, f.Note, Price(operations[code], f.IfYouWait, site, parts, calendar, today, now));
            }).ToList();
            visit.RecordInspection(findings, staff.RequireStaffId(), now);
            return await views.OneAsync(visit, cancellationToken);
        }

        /// <summary>Labour at the site's rate; parts at sell price; when stock is short, the quickest supplier's day and the work after it.</summary>
        private static ExtraWorkProposal Price(ServiceOperation operation, string? ifYouWait, Domain.Sites.Site site, Dictionary<string, Part> parts, WorkingDays calendar,
            DateOnly today, DateTime now)
        {
            var lines = new List<ExtraWorkPart>();
            DateOnly? waitFor = null;
            foreach (var needed in operation.Parts)
            {
                if (!parts.TryGetValue(needed.PartNumber, out var part))
                {
                    throw new DomainRuleException($"Part {needed.PartNumber} for {operation.Description} is not set up at this site; ask the parts clerk before proposing it.", "part-not-stocked");
                }

                lines.Add(new ExtraWorkPart(part.Id, part.PartNumber, part.Description, needed.Quantity, part.SellPriceAmount));
                if (part.Available < needed.Quantity)
                {
                    var eta = part.Suppliers.Count == 0
                        ? throw new DomainRuleException($"{part.Description} ({part.PartNumber}) is out of stock and no supplier carries it: it cannot be proposed.", "no-supplier")
                        : part.Suppliers.Min(s => calendar.Add(today, s.LeadTimeWorkingDays));
                    waitFor = waitFor is { } current && current > eta ? current : eta;
                }
            }

            // The part arrives by the supplier's day; the work takes its labour time of open hours after that.
            DateTime? readyBy = waitFor is { } day && site.HoursOn(day.DayOfWeek) is { } hours
                ? site.AddOpenTime(site.ToUtc(day.ToDateTime(hours.Opens)), TimeSpan.FromMinutes(operation.LabourMinutes))
                : null;
            return new ExtraWorkProposal(operation.Description, ifYouWait, operation.LabourMinutes,
                ServiceBill.Labour(operation.LabourMinutes, site.LabourRatePerHour), lines, readyBy);
        }
    }
}
