using Dealership.Application.Common;
using Dealership.Application.Customers;
using Dealership.Application.Service;
using Dealership.Web.Security;
using Dealership.Web.Ui;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Dealership.Web.Pages.Service;

/// <summary>
/// Booking a visit: the customer and car, the concern in their words, the operations known now, then a
/// drop-off time from real capacity (or a walk-in now). The times offered already fit the labour chosen.
/// </summary>
[Authorize(Policy = Policies.WriteService)]
public sealed class BookModel(IMediator mediator, ICurrentStaff staff, Application.Sites.SiteContext siteContext, FormSubmissions submissions, TimeProvider clock) : StaffFormPage(submissions)
{
    [BindProperty(SupportsGet = true)]
    public Guid? CustomerId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? VehicleId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Concern { get; set; }

    [BindProperty(SupportsGet = true)]
    public List<string> Ops { get; set; } = [];

    [BindProperty(SupportsGet = true)]
    public DateOnly? Date { get; set; }

    public CustomerView? Customer { get; private set; }

    public IReadOnlyList<CustomerSummary> Matches { get; private set; } = [];

    public IReadOnlyList<VehicleView> Vehicles { get; private set; } = [];

    public IReadOnlyList<OperationView> Catalogue { get; private set; } = [];

    public IReadOnlyList<WorkshopDayAvailability> Days { get; private set; } = [];

    public int LabourMinutes { get; private set; }

    public CheckPartsForVisit.Result? Parts { get; private set; }

    /// <summary>The first day listed: the day asked for, else the first day the parts make it (else tomorrow).</summary>
    public DateOnly ShownFrom { get; private set; }

    public DateOnly Today { get; private set; }

    public TimeZoneInfo SiteZone { get; private set; } = TimeZoneInfo.Utc;

    public Guid? Me => staff.StaffId;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>The car already has an open visit for this work: the page offers "book it as a separate visit anyway".</summary>
    public bool OfferSeparateVisit => FailureCode == "duplicate-visit";

    public async Task<IActionResult> OnPostAsync(string? slot, bool walkIn, bool separateVisit, CancellationToken ct)
    {
        // A slot is "advisor|time": the time and the advisor who has it free were chosen together.
        var parts = slot?.Split('|', 2);
        Guid? advisorStaffId = parts is { Length: 2 } && Guid.TryParse(parts[0], out var advisor) ? advisor : null;
        DateTime? startsAt = parts is { Length: 2 } && DateTime.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out var at) ? at : null;
        if (CustomerId is null || VehicleId is null)
        {
            return await ShowAsync(ct, "Choose the customer and their car.");
        }

        if (!walkIn && startsAt is null)
        {
            return await ShowAsync(ct, "Pick a drop-off time, or book it as a walk-in now.");
        }

        AppointmentView? booked = null;
        return await SubmitAsync(
            async () => booked = await mediator.Send(new BookAppointment.Command(CustomerId.Value, VehicleId.Value, Concern ?? "", Ops,
                walkIn ? null : startsAt, walkIn ? null : advisorStaffId, walkIn, separateVisit), ct),
            () => $"Booked {booked!.CustomerName} for {booked.LocalStartsAt:dddd d MMM, h:mm tt}. The customer has a confirmation; parts are being checked now.",
            () => $"/service?date={booked!.Date:yyyy-MM-dd}", ct);
    }

    protected override async Task LoadAsync(CancellationToken ct)
    {
        var site = await siteContext.GetAsync(ct);
        Today = DateOnly.FromDateTime(site.ToLocal(clock.GetUtcNow().UtcDateTime));
        SiteZone = site.TimeZone;
        Catalogue = (await mediator.Send(new ListOperations.Query(null, 1, Paging.MaxPageSize), ct)).Items;
        if (CustomerId is { } id)
        {
            Customer = await mediator.Send(new GetCustomer.Query(id), ct);
            Vehicles = (await mediator.Send(new ListVehicles.Query(id), ct)).Items;
            VehicleId ??= Vehicles.Count > 0 ? Vehicles[0].Id : null;
        }
        else if (!string.IsNullOrWhiteSpace(Q))
        {
            Matches = (await mediator.Send(new SearchCustomers.Query(Q, 1, 10), ct)).Items;
        }

        var chosen = Catalogue.Where(o => Ops.Contains(o.Code, StringComparer.OrdinalIgnoreCase)).ToList();
        LabourMinutes = chosen.Count == 0 ? Domain.Service.ServiceAppointment.DiagnosisMinutes : chosen.Sum(o => o.LabourMinutes);
        Parts = chosen.Count == 0 ? null : await mediator.Send(new CheckPartsForVisit.Query(chosen.Select(o => o.Code).ToList()), ct);
        // Unless a day was asked for, start where the parts make it, so the first times offered are safe ones.
        var from = Date ?? (Parts?.EarliestVisit is { } safe && safe > Today.AddDays(1) ? safe : Today.AddDays(1));
        ShownFrom = from;
        Days = await mediator.Send(new GetAvailability.Query(from, from.AddDays(6), LabourMinutes, null), ct);
    }
}
