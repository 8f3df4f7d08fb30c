using Dealership.Application.Data;
using Dealership.Domain.Common;
using Dealership.Domain.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Dealership.Application.Demo;

/// <summary>Story 002 (parts ready before the car arrives): the workshop, its parts and three weeks of visits.</summary>
public sealed partial class DemoDataSeeder
{
    /// <summary>
    /// Story 002 in the workshop: an operation catalogue, parts with stock and suppliers, and three weeks of
    /// appointments at Portland: most with parts on the shelf, James Whitaker's wiper motor on order (his
    /// 2016 Pilot is the story's car), Charlotte Hayes's hybrid pump unable to arrive in time (at risk, so she
    /// and the advisor hear now). The pre-ordering job then runs as it would in production.
    /// </summary>
    private async Task EnsureServiceAsync(Site portland, Site boise, Dictionary<string, Guid> owners, CancellationToken ct)
    {
        if (await db.ServiceOperations.AnyAsync(ct))
        {
            return;
        }

        var operations = new[]
        {
            new Domain.Service.ServiceOperation("OIL-SVC", "Oil and filter change, multi-point inspection", 45, [("15400-PLM-A02", 1), ("08798-9036", 1)]),
            new Domain.Service.ServiceOperation("CABIN-F", "Cabin air filter replacement", 15, [("80292-TG7-A41", 1)]),
            new Domain.Service.ServiceOperation("BRK-F", "Front brake pads and discs", 120, [("45022-TG7-A01", 1), ("45251-TG7-A01", 2)]),
            new Domain.Service.ServiceOperation("TIRE-4", "Four tires mounted and balanced, alignment check", 75, [("TYR-235-60R18", 4)]),
            new Domain.Service.ServiceOperation("WIPER-MOTOR", "Front wiper motor replacement (cowl and intake removed)", 180, [("76505-TG7-A01", 1)]),
            new Domain.Service.ServiceOperation("TIMING-BELT", "Timing belt and water pump kit", 240, [("14400-RCA-A01-KIT", 1)]),
            new Domain.Service.ServiceOperation("HV-PUMP", "Hybrid system coolant pump replacement", 150, [("G9020-47031", 1)]),
            new Domain.Service.ServiceOperation("DIAG", "Diagnosis of a reported concern", 60, []),
        };
        db.ServiceOperations.AddRange(operations);
        portland.SetWorkshop(workshopMinutesPerDay: 4 * 480, advisorMinutesPerDay: 960, slotMinutes: 30, labourRatePerHour: 16_500);
        boise.SetWorkshop(workshopMinutesPerDay: 3 * 480, advisorMinutesPerDay: 960, slotMinutes: 30, labourRatePerHour: 14_500);
        db.Sites.UpdateRange(portland, boise);

        var oem = new Domain.Parts.Supplier("Harbor OEM Parts Direct", "orders@oem-parts.example.com", autoSend: true);
        var pacific = new Domain.Parts.Supplier("Pacific Auto Supply", "counter@pacific-auto.example.com", autoSend: false);
        var hybrid = new Domain.Parts.Supplier("Northwest Hybrid Specialists", "sales@nw-hybrid.example.com", autoSend: true);
        db.Suppliers.AddRange(oem, pacific, hybrid);
        await db.SaveChangesAsync(ct);

        Domain.Parts.Part Stock(Site site, string number, string description, int onHand, long price, params (Domain.Parts.Supplier Supplier, int Lead, long Cost)[] sources)
        {
            var part = new Domain.Parts.Part(site.Id, number, description, onHand, new Money(price, site.Currency));
            foreach (var (supplier, lead, cost) in sources)
            {
                part.SetSupplier(supplier.Id, lead, new Money(cost, site.Currency));
            }

            db.Parts.Add(part);
            return part;
        }

        foreach (var site in new[] { portland, boise })
        {
            Stock(site, "15400-PLM-A02", "Oil filter", 40, 1_495, (oem, 1, 650), (pacific, 1, 590));
            Stock(site, "08798-9036", "Engine oil 0W-20, 5 qt", 30, 3_995, (oem, 1, 2_100), (pacific, 2, 1_950));
            Stock(site, "80292-TG7-A41", "Cabin air filter", 12, 3_495, (oem, 2, 1_400), (pacific, 1, 1_250));
            Stock(site, "45022-TG7-A01", "Front brake pad set", 6, 8_995, (oem, 1, 4_300), (pacific, 2, 3_900));
            Stock(site, "45251-TG7-A01", "Front brake disc", 4, 12_450, (oem, 2, 6_100), (pacific, 1, 5_400));
            Stock(site, "TYR-235-60R18", "Tire 235/60 R18 all-season", 8, 18_900, (pacific, 2, 11_200));
            Stock(site, "76505-TG7-A01", "Front wiper motor", 0, 38_900, (oem, 3, 24_500), (pacific, 6, 22_900));
            Stock(site, "14400-RCA-A01-KIT", "Timing belt and water pump kit", 0, 42_500, (pacific, 4, 26_800), (oem, 5, 29_900));
            Stock(site, "G9020-47031", "Hybrid coolant pump", 0, 61_000, (hybrid, 15, 41_000));
        }

        await db.SaveChangesAsync(ct);

        var advisor = owners[StaffRoles.ServiceAdvisor];
        var catalogue = operations.ToDictionary(o => o.Code);
        var parts = await db.Parts.Where(p => p.SiteId == portland.Id).ToDictionaryAsync(p => p.PartNumber, ct);
        var customers = await db.Customers.Where(c => c.EmailKey!.EndsWith("@example.com")).ToDictionaryAsync(c => c.EmailKey!, ct);
        var vehicles = (await db.Vehicles.ToListAsync(ct)).GroupBy(v => v.CustomerId).ToDictionary(g => g.Key, g => g.First().Id);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(portland.ToLocal(now));

        async Task BookAsync(string email, int days, int hour, int minute, string concern, params string[] codes)
        {
            if (!customers.TryGetValue(email, out var customer))
            {
                return;
            }

            var date = today.AddDays(days);
            while (portland.HoursOn(date.DayOfWeek) is null)
            {
                date = date.AddDays(1);
            }

            var startsAt = portland.ToUtc(date.ToDateTime(new TimeOnly(hour, minute)));
            var ops = codes.Select(c => catalogue[c]).ToList();
            var lines = ops.SelectMany(o => o.Parts).GroupBy(p => p.PartNumber)
                .Select(g => new Domain.Service.AppointmentPartLine(parts[g.Key].Id, g.Key, parts[g.Key].Description, g.Sum(p => p.Quantity)));
            var appointment = new Domain.Service.ServiceAppointment(portland.Id, customer.Id, vehicles[customer.Id], advisor, concern, startsAt, date, walkIn: false,
                ops.Select(o => new Domain.Service.AppointmentOperation(o.Code, o.Description, o.LabourMinutes)), lines, advisor, now.AddDays(-Math.Max(1, 30 - days)));
            appointment.ClearDomainEvents();
            await workshop.ReserveAsync(portland, date, startsAt, walkIn: false, appointment.LabourMinutes, advisor, null, ct);
            db.Appointments.Add(appointment);
            await db.SaveChangesAsync(ct);
        }

        if (portland.HoursOn(today.DayOfWeek) is not null)
        {
            await BookAsync("scarlett.obrien@example.com", 0, 8, 0, "Due for an oil change; the light came on", "OIL-SVC");
            await BookAsync("owen.yamamoto@example.com", 0, 9, 0, "Squealing from the front when braking", "BRK-F");
        }

        await BookAsync("olivia.bennett@example.com", 1, 8, 0, "Regular service", "OIL-SVC");
        await BookAsync("liam.ortiz@example.com", 1, 8, 30, "Los frenos hacen ruido al frenar", "BRK-F");
        await BookAsync("noah.patel@example.com", 2, 9, 0, "Tires are worn, wants four new ones before winter", "TIRE-4");
        await BookAsync("ava.hernandez@example.com", 3, 8, 0, "Servicio y olor en la ventilación", "OIL-SVC", "CABIN-F");
        await BookAsync("charlotte.hayes@example.com", 4, 9, 30, "Hybrid system warning on the dash", "HV-PUMP");
        await BookAsync("henry.morrison@example.com", 5, 10, 0, "Brake pedal vibrates when stopping", "BRK-F");
        await BookAsync("james.whitaker@example.com", 8, 8, 30, "The windshield wipers stopped working", "WIPER-MOTOR");
        await BookAsync("alexander.reed@example.com", 10, 9, 0, "Rattle from the dashboard over bumps", "DIAG");
        await BookAsync("harper.jensen@example.com", 12, 8, 0, "Timing belt due at 105,000 miles", "TIMING-BELT");
        await BookAsync("evelyn.price@example.com", 15, 10, 30, "Oil change", "OIL-SVC");
        await BookAsync("matthew.gallagher@example.com", 18, 11, 0, "Four new tires", "TIRE-4");
        await BookAsync("jackson.tran@example.com", 19, 8, 30, "Grinding noise from the front brakes", "BRK-F");

        await BookWorkshopDayAsync(portland, advisor, now, ct);
        var report = await mediator.Send(new Parts.RunPartsPlanning.Command(null), ct);
        await ProgressWorkshopDayAsync(portland, advisor, owners[StaffRoles.Technician], now, ct);
        logger.LogInformation("Seeded the workshop: {Appointments} appointments planned, {Reserved} lines reserved, {Ordered} ordered, {AtRisk} at risk",
            report.Appointments, report.LinesReserved, report.LinesOrdered, report.BecameAtRisk);
    }
}
