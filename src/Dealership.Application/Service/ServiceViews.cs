using Dealership.Application.Data;
using Dealership.Domain.Service;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Service;

public sealed record AppointmentOperationView(string Code, string Description, int LabourMinutes);

/// <summary>A part line as the lane shows it: ready, ordered (with ETA and order reference), or short.</summary>
/// <summary>One part of a visit. <see cref="OrderNotSent"/>: it is on a draft the parts clerk has not sent yet, so its date is only an estimate.</summary>
public sealed record PartLineView(string PartNumber, string Description, int Quantity, PartLineState State, DateOnly? Eta, string? OrderReference, bool InTime,
    bool OrderNotSent = false);

/// <summary>An appointment as staff see it: times in UTC (StartsAt) and site wall-clock (LocalStartsAt), readiness, parts by line.</summary>
public sealed record AppointmentView(
    Guid Id,
    Guid SiteId,
    Guid CustomerId,
    string CustomerName,
    Guid VehicleId,
    string Vehicle,
    Guid AdvisorStaffId,
    string AdvisorName,
    string Concern,
    DateTime StartsAt,
    DateTime LocalStartsAt,
    DateOnly Date,
    bool WalkIn,
    int LabourMinutes,
    AppointmentStatus Status,
    PartsReadiness Readiness,
    DateOnly? PartsExpectedBy,
    DateOnly PartsNeededBy,
    DateTime? ConfirmedAt,
    DateTime? CheckedInAt,
    int? Mileage,
    DateTime? PromisedReadyAt,
    string? LastChangeReason,
    IReadOnlyList<AppointmentOperationView> Operations,
    IReadOnlyList<PartLineView> Parts,
    long Version);

/// <summary>Builds appointment views for a page of appointments with a constant number of queries.</summary>
public sealed class AppointmentViews(DealershipDbContext db)
{
    public async Task<AppointmentView> OneAsync(ServiceAppointment appointment, CancellationToken ct) =>
        (await ManyAsync([appointment], ct))[0];

    public async Task<IReadOnlyList<AppointmentView>> ManyAsync(IReadOnlyList<ServiceAppointment> appointments, CancellationToken ct)
    {
        if (appointments.Count == 0)
        {
            return [];
        }

        var customerIds = appointments.Select(a => a.CustomerId).Distinct().ToList();
        var vehicleIds = appointments.Select(a => a.VehicleId).Distinct().ToList();
        var staffIds = appointments.Select(a => a.AdvisorStaffId).Distinct().ToList();
        var siteIds = appointments.Select(a => a.SiteId).Distinct().ToList();
        var orderIds = appointments.SelectMany(a => a.PartLines).Where(l => l.PartsOrderId != null).Select(l => l.PartsOrderId!.Value).Distinct().ToList();

        // Only the columns shown: ToDictionaryAsync's selectors run after whole rows were read (a lane of 130 visits read
        // 130 whole customers, vehicles and staff accounts for a name each).
        var customers = await db.Customers.AsNoTracking().Where(c => customerIds.Contains(c.Id)).Select(c => new { c.Id, Name = c.FirstName + " " + c.LastName })
            .ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var vehicles = await db.Vehicles.AsNoTracking().Where(v => vehicleIds.Contains(v.Id)).Select(v => new { v.Id, v.Year, v.Make, v.Model, v.Trim })
            .ToDictionaryAsync(v => v.Id, v => Domain.Customers.Vehicle.Describe(v.Year, v.Make, v.Model, v.Trim), ct);
        var staff = await db.Users.AsNoTracking().Where(u => staffIds.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName })
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var sites = await db.Sites.AsNoTracking().Where(s => siteIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        // An order's lines come with it unless only these columns are asked for: at a busy site an order holds hundreds.
        var orders = orderIds.Count == 0 ? [] : await db.PartsOrders.AsNoTracking().Where(o => orderIds.Contains(o.Id))
            .Select(o => new { o.Id, o.Reference, Draft = o.Status == Domain.Parts.PartsOrderStatus.Draft })
            .ToDictionaryAsync(o => o.Id, o => new { o.Reference, o.Draft }, ct);

        return appointments.Select(a =>
        {
            var site = sites[a.SiteId];
            var needBy = new Domain.Parts.WorkingDays(site.OpenDays).Before(a.Date);
            var vehicle = vehicles.GetValueOrDefault(a.VehicleId, "Vehicle");
            return new AppointmentView(a.Id, a.SiteId, a.CustomerId, customers.GetValueOrDefault(a.CustomerId, ""), a.VehicleId, vehicle,
                a.AdvisorStaffId, staff.GetValueOrDefault(a.AdvisorStaffId, ""), a.Concern, a.StartsAt, site.ToLocal(a.StartsAt), a.Date, a.WalkIn,
                a.LabourMinutes, a.Status, a.Readiness, a.PartsExpectedBy(), needBy, a.ConfirmedAt, a.CheckedInAt, a.Mileage, a.PromisedReadyAt,
                a.LastChangeReason,
                a.Operations.Select(o => new AppointmentOperationView(o.Code, o.Description, o.LabourMinutes)).ToList(),
                a.PartLines.OrderBy(l => l.PartNumber).Select(l => new PartLineView(l.PartNumber, l.Description, l.Quantity, l.State, l.Eta,
                    l.PartsOrderId is { } id ? orders.GetValueOrDefault(id)?.Reference : null,
                    l.State == PartLineState.Reserved || (l.State == PartLineState.OnOrder && l.Eta <= needBy),
                    l.PartsOrderId is { } draftId && orders.GetValueOrDefault(draftId)?.Draft == true)).ToList(),
                a.Version);
        }).ToList();
    }
}
