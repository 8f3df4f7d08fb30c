using System.IO.Compression;
using Dealership.Application.Custody;
using Dealership.Domain.Common;
using Dealership.Domain.Custody;
using Dealership.Domain.Handover;
using Dealership.Domain.Service;
using Dealership.Domain.Sites;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Demo;

/// <summary>The workshop today: a car in every stage, one waiting for its customer's answer with photos, one ready with its bill.</summary>
public sealed partial class DemoDataSeeder
{
    private sealed record WorkshopDemo(string Email, int Hour, int Minute, string Concern, string Code);

    private static readonly WorkshopDemo[] WorkshopVisits =
    [
        new("elijah.brooks@example.com", 10, 30, "Oil change and a check-over before a road trip", "OIL-SVC"),
        new("sophia.nguyen@example.com", 11, 0, "Rattle from the dashboard over bumps", "DIAG"),
        new("benjamin.foster@example.com", 11, 30, "Oil change; brakes feel soft", "OIL-SVC"),
        new("lucas.delgado@example.com", 12, 0, "Servicio de aceite", "OIL-SVC"),
        new("amelia.castillo@example.com", 12, 30, "Oil change", "OIL-SVC"),
    ];

    /// <summary>
    /// Books the day's workshop cars (before the parts job runs, so their parts are reserved like everyone's), on
    /// the site's most recent open day.
    /// </summary>
    private async Task BookWorkshopDayAsync(Site site, Guid advisor, DateTime now, CancellationToken ct)
    {
        var day = DateOnly.FromDateTime(site.ToLocal(now));
        while (site.HoursOn(day.DayOfWeek) is null)
        {
            day = day.AddDays(-1);
        }

        var catalogue = await db.ServiceOperations.AsNoTracking().ToDictionaryAsync(o => o.Code, ct);
        var parts = await db.Parts.Where(p => p.SiteId == site.Id).ToDictionaryAsync(p => p.PartNumber, ct);
        foreach (var demo in WorkshopVisits)
        {
            var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.EmailKey == demo.Email, ct);
            var vehicle = customer is null ? null : await db.Vehicles.AsNoTracking().FirstOrDefaultAsync(v => v.CustomerId == customer.Id, ct);
            if (customer is null || vehicle is null)
            {
                continue;
            }

            var operation = catalogue[demo.Code];
            var startsAt = site.ToUtc(day.ToDateTime(new TimeOnly(demo.Hour, demo.Minute)));
            var visit = new ServiceAppointment(site.Id, customer.Id, vehicle.Id, advisor, demo.Concern, startsAt, day, walkIn: false,
                [new AppointmentOperation(operation.Code, operation.Description, operation.LabourMinutes)],
                operation.Parts.Select(p => new AppointmentPartLine(parts[p.PartNumber].Id, p.PartNumber, parts[p.PartNumber].Description, p.Quantity)),
                advisor, now.AddDays(-7));
            visit.ClearDomainEvents();
            await workshop.ReserveAsync(site, day, startsAt, walkIn: false, visit.LabourMinutes, advisor, null, ct);
            db.Appointments.Add(visit);
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>After the parts job: moves the day's cars through the workshop, each to its own stage.</summary>
    private async Task ProgressWorkshopDayAsync(Site site, Guid advisor, Guid technician, DateTime now, CancellationToken ct)
    {
        var emails = WorkshopVisits.Select(w => w.Email).ToList();
        var customers = await db.Customers.AsNoTracking().Where(c => emails.Contains(c.EmailKey!)).ToDictionaryAsync(c => c.EmailKey!, c => c.Id, ct);
        var ids = customers.Values.ToList();
        var visits = await db.Appointments.Include(a => a.Photos).AsSplitQuery()
            .Where(a => ids.Contains(a.CustomerId) && a.SiteId == site.Id && a.Status == AppointmentStatus.Booked).ToListAsync(ct);
        var vehicles = await db.Vehicles.AsNoTracking().Where(v => ids.Contains(v.CustomerId)).ToDictionaryAsync(v => v.Id, ct);
        var operations = await db.ServiceOperations.AsNoTracking().ToDictionaryAsync(o => o.Code, ct);
        var parts = await db.Parts.Where(p => p.SiteId == site.Id).ToDictionaryAsync(p => p.PartNumber, ct);
        var readyBy = site.AddOpenTime(now, TimeSpan.FromHours(4));

        ServiceAppointment? Of(string email) => customers.TryGetValue(email, out var id) ? visits.FirstOrDefault(v => v.CustomerId == id) : null;

        void CheckIn(ServiceAppointment visit, int miles, int keys)
        {
            visit.CheckIn(miles, visit.Concern, "Text", readyBy, advisor, now);
            var car = vehicles[visit.VehicleId];
            var name = $"{car.Year} {car.Make} {car.Model}, VIN {car.Vin}";
            db.Custody.Add(new CustodyRecord(site.Id, visit.CustomerId, CustodyItem.Car, name, 1, CustodyRegister.VisitSubject, visit.Id, advisor, now));
            db.Custody.Add(new CustodyRecord(site.Id, visit.CustomerId, CustodyItem.KeySet, name, keys, CustodyRegister.VisitSubject, visit.Id, advisor, now));
            db.Promises.Add(new Domain.Promises.CustomerPromise(site.Id, visit.CustomerId, advisor, $"{car.Make} {car.Model} ready for pickup", readyBy,
                Domain.Promises.PromiseKind.Manual, "appointment", visit.Id, "readyForPickup", now));
        }

        ExtraWorkProposal Priced(string code, string? ifYouWait)
        {
            var operation = operations[code];
            return new ExtraWorkProposal(operation.Description, ifYouWait, operation.LabourMinutes, ServiceBill.Labour(operation.LabourMinutes, site.LabourRatePerHour),
                operation.Parts.Select(p => new ExtraWorkPart(parts[p.PartNumber].Id, p.PartNumber, parts[p.PartNumber].Description, p.Quantity, parts[p.PartNumber].SellPriceAmount)).ToList(),
                null);
        }

        NewFinding Green(string area) => new(area, InspectionRating.Green, null, null);

        // The parts job plans only days still to come: on a past open day the parts are taken from the shelf here.
        void Finish(ServiceAppointment visit)
        {
            foreach (var line in visit.PartLines.Where(l => l.State != PartLineState.Reserved).ToList())
            {
                var part = parts.Values.First(p => p.Id == line.PartId);
                if (part.TryReserve(line.Quantity))
                {
                    visit.ReserveLine(line);
                }
            }

            foreach (var line in visit.MarkReady(technician, now))
            {
                parts.Values.First(p => p.Id == line.PartId).Issue(line.Quantity);
            }

            db.Promises.Local.First(p => p.SubjectId == visit.Id).Keep(now, now);
        }

        if (Of("elijah.brooks@example.com") is { } waitingToStart)
        {
            CheckIn(waitingToStart, 38_400, 2);
        }

        if (Of("sophia.nguyen@example.com") is { } inProgress)
        {
            CheckIn(inProgress, 72_150, 1);
            inProgress.StartWork(technician, now);
        }

        if (Of("benjamin.foster@example.com") is { } awaiting)
        {
            CheckIn(awaiting, 58_900, 2);
            awaiting.StartWork(technician, now);
            awaiting.RecordInspection(
            [
                new("Brakes", InspectionRating.Now, "Front pads worn to 2 mm; the discs are scored", Priced("BRK-F", "Metal on metal within a few weeks: stopping distances grow and the cost goes up")),
                new("Cabin filter", InspectionRating.Soon, "Filter clogged with leaves", Priced("CABIN-F", "Weaker air flow and a musty smell")),
                new("Battery", InspectionRating.Soon, "Weak in the cold-crank test; fine for now", null),
                Green("Tires"), Green("Lights"), Green("Wipers"), Green("Fluids"),
            ], technician, now);
            // The advisor wants to make up for last time: above an advisor's $100 limit, so it waits for a manager.
            var goodwill = new Domain.Decisions.Decision(site.Id, advisor, Domain.Decisions.DecisionAction.Goodwill, new Money(15_000, site.Currency), awaiting.CustomerId,
                "appointment", awaiting.Id, "He is upset the car needs more than he booked and is a good customer; take $150 off the brakes if he says yes", withinLimit: false, now);
            goodwill.ClearDomainEvents();
            db.Decisions.Add(goodwill);
            if (await db.UserRoles.Join(db.Roles.Where(r => r.Name == Data.StaffRoles.Manager), ur => ur.RoleId, r => r.Id, (ur, _) => ur.UserId).FirstOrDefaultAsync(ct) is { } manager
                && manager != Guid.Empty)
            {
                db.Tasks.Add(new Domain.Tasks.StaffTask(site.Id, manager, "Approve or decline: goodwill credit of $150.00 for Benjamin Foster",
                    $"Alex Kim asks: {goodwill.Reason}", site.AddOpenTime(now, TimeSpan.FromMinutes(30)), Decisions.DecisionSubscribers.Subject, goodwill.Id,
                    [awaiting.CustomerId], now, $"decision/{goodwill.Id}/approve/{manager:N}"));
            }

            var photo = DemoPhoto(160, 70, 40);
            var stored = $"visits/{awaiting.Id:N}/demo-brakes.png";
            awaiting.AddPhoto(1, "image/png", photo.Length, stored, now);
            await photos.SaveAsync(stored, photo, ct);
        }

        if (Of("lucas.delgado@example.com") is { } ready)
        {
            CheckIn(ready, 44_020, 2);
            ready.StartWork(technician, now);
            ready.RecordInspection(
            [
                new("Cabin filter", InspectionRating.Soon, "Filtro de habitáculo sucio", Priced("CABIN-F", "Menos ventilación y mal olor")),
                Green("Tires"), Green("Brakes"), Green("Lights"), Green("Battery"),
            ], technician, now);
            var work = ready.ExtraWork[0];
            ready.AnswerExtraWork(work.Id, approved: true, ChoiceChannel.TrackingPage, recordedBy: null, now);
            ready.StartExtraWork(work.Id, now);
            Finish(ready);
        }

        if (Of("amelia.castillo@example.com") is { } collected)
        {
            CheckIn(collected, 21_300, 1);
            collected.StartWork(technician, now);
            collected.RecordInspection([Green("Tires"), Green("Brakes"), Green("Lights"), Green("Battery"), Green("Wipers")], technician, now);
            Finish(collected);
            var bill = ServiceBill.For(collected, site.LabourRatePerHour, site.SalesTaxBasisPoints, site.Currency,
                parts.Values.ToDictionary(p => p.Id, p => p.SellPriceAmount), []);
            collected.Collect(new Money(bill.Total, bill.Currency), new Money(bill.Total, bill.Currency), "Card", pending: false, "AUTH 220417", advisor, now);
            foreach (var record in db.Custody.Local.Where(c => c.SubjectId == collected.Id))
            {
                record.Release("the customer", advisor, now);
            }
        }

        foreach (var visit in visits)
        {
            visit.ClearDomainEvents();
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>A small picture for the demo's inspection photo (a reddish disc on grey), written as a real PNG.</summary>
    private static byte[] DemoPhoto(byte red, byte green, byte blue)
    {
        const int width = 320, height = 240;
        var raw = new byte[height * (1 + width * 3)];
        for (var y = 0; y < height; y++)
        {
            var row = y * (1 + width * 3);
            for (var x = 0; x < width; x++)
            {
                var dx = x - width / 2;
                var dy = y - height / 2;
                var inDisc = dx * dx + dy * dy < 90 * 90 && dx * dx + dy * dy > 25 * 25;
                raw[row + 1 + x * 3] = inDisc ? red : (byte)120;
                raw[row + 2 + x * 3] = inDisc ? green : (byte)124;
                raw[row + 3 + x * 3] = inDisc ? blue : (byte)130;
            }
        }

        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header, width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // truecolour
        Chunk(png, "IHDR", header);
        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            {
                zlib.Write(raw);
            }

            Chunk(png, "IDAT", compressed.ToArray());
        }

        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        var typeBytes = System.Text.Encoding.ASCII.GetBytes(type);
        png.Write(typeBytes);
        png.Write(data);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(number, Crc32([.. typeBytes, .. data]));
        png.Write(number);
    }

    /// <summary>The CRC-32 PNG chunks carry (polynomial 0xEDB88320).</summary>
    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
