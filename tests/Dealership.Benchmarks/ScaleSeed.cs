using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Dealership.Application.Demo;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Dealership.Benchmarks;

// A dealership group's worth of data in a SQLite file, for the load scripts and the job benchmarks:
//   dotnet run -c Release --project tests/Dealership.Benchmarks -- seed --scale group [--data DIR]
// The schema and the demo data (sites, staff, suppliers, templates) come from the product itself; the bulk rows are
// then written with prepared statements in one transaction per table, each copied from a demo row of the same table
// with the columns that matter overridden, so every row is one the product wrote the shape of. 'small' is a
// hundredth of 'group' (the smoke run in tests/run.sh). The counts and the ids the load scripts need are written
// to scale.json next to the database.
internal static class ScaleSeed
{
    private static readonly string[] FirstNames = ["Ann", "Ben", "Carla", "David", "Elena", "Frank", "Grace", "Hector", "Ines", "Jamal", "Kim", "Luis", "Maya", "Nate", "Olga", "Priya"];

    private static readonly string[] LastNames = ["Smith", "Johnson", "Garcia", "Brown", "Miller", "Davis", "Rodriguez", "Martinez", "Lopez", "Wilson", "Anderson", "Thomas", "Moore", "Lee", "Nguyen", "Patel", "Smithers", "Kowalski"];

    private static readonly string[] Milestones = ["Ordered", "FactoryConfirmed", "Built", "InTransit", "ArrivedAtDealership", "PreparedForDelivery", "CollectionScheduled", "Delivered"];

    private static readonly (string Code, string Name)[] ExtraSites = [("SEA", "Demo Motors Seattle"), ("SLC", "Demo Motors Salt Lake"), ("RNO", "Demo Motors Reno")];

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public sealed record Counts(int Customers, int Vehicles, int Orders, int TradeIns, int Visits, int UpcomingVisits, int PartsPerSite, int Touchpoints, int Notifications, int HeavyCustomerTouchpoints)
    {
        public static Counts Group { get; } = new(100_000, 150_000, 50_000, 20_000, 200_000, 10_000, 300, 2_000_000, 1_000_000, 5_000);

        public static Counts Small { get; } = new(1_000, 1_500, 500, 200, 2_000, 100, 30, 20_000, 10_000, 500);
    }

    /// <summary>What the load scripts need to find in the data: written to scale.json.</summary>
    public sealed record Manifest(string Scale, DateTime SeededAt, Counts Counts, Guid BusiestSite, Guid HeavyCustomer, string SearchTerm, double Seconds);

    public static async Task<int> RunAsync(string[] args)
    {
        var scale = CommandLine.Option(args, "--scale") ?? "group";
        var counts = scale switch
        {
            "group" => Counts.Group,
            "small" => Counts.Small,
            _ => null,
        };
        if (counts is null)
        {
            await Console.Error.WriteLineAsync($"Unknown scale '{scale}': use 'group' or 'small'.");
            return 2;
        }

        var dataDirectory = CommandLine.Option(args, "--data") ?? Path.Combine(Path.GetTempPath(), "dealership-scale", scale);
        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }

        Directory.CreateDirectory(dataDirectory);
        var databasePath = Path.Combine(dataDirectory, "dealership.db");
        var watch = Stopwatch.StartNew();

        // The product creates the schema and its demo data (staff, sites, suppliers, one row of each kind to copy).
        await using (var app = new BenchmarkApp(dataDirectory, databasePath))
        {
            using var scope = app.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(CancellationToken.None);
        }

        SqliteConnection.ClearAllPools();
        Console.WriteLine($"schema and demo data: {watch.Elapsed.TotalSeconds:0.0} s");
        var manifest = await new Writer(databasePath, counts).WriteAsync(scale, watch);
        await File.WriteAllTextAsync(Path.Combine(dataDirectory, "scale.json"), JsonSerializer.Serialize(manifest, Indented));
        Console.WriteLine($"seeded '{scale}' into {databasePath} in {watch.Elapsed.TotalSeconds:0.0} s ({new FileInfo(databasePath).Length / 1_048_576:N0} MB)");
        return 0;
    }

    /// <summary>Deterministic ids: a kind and a serial, so a re-seed gives the same ids and scripts can name rows.</summary>
    internal static string Id(int kind, int serial) => string.Create(CultureInfo.InvariantCulture, $"{kind:X8}-0000-4000-8000-{serial:X12}");

    private static string Vin(int serial, char series)
    {
        var raw = string.Create(CultureInfo.InvariantCulture, $"1HGCV1F30{series}A{serial:000000}");
        return string.Concat(raw.AsSpan(0, 8), Dealership.Domain.Customers.Vin.ComputeCheckDigit(raw).ToString(), raw.AsSpan(9));
    }

    private static string Instant(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss.fffffff", CultureInfo.InvariantCulture);

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Service advisors added per site (advisor1@demo.local onwards, the demo password), ids of kind 11 in site order.</summary>
    internal const int AdvisorsPerSite = 10;

    private sealed class Writer(string databasePath, Counts counts)
    {
        private readonly DateTime _now = DateTime.UtcNow;
        private SqliteConnection _db = null!;
        private readonly List<(string Id, TimeZoneInfo Zone)> _sites = [];
        private string _sales = "";
        private string _advisor = "";

        public async Task<Manifest> WriteAsync(string scale, Stopwatch watch)
        {
            await using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
            _db = connection;
            await _db.OpenAsync();
            await ExecAsync("PRAGMA synchronous = OFF; PRAGMA cache_size = -262144;");
            _sales = await ScalarAsync("SELECT Id FROM AspNetUsers WHERE Email = 'sales@demo.local'");
            _advisor = await ScalarAsync("SELECT Id FROM AspNetUsers WHERE Email = 'service@demo.local'");

            await StepAsync("sites", SitesAsync);
            await StepAsync("customers", CustomersAsync);
            await StepAsync("vehicles", VehiclesAsync);
            await StepAsync("orders and milestones", OrdersAsync);
            await StepAsync("trade-ins", TradeInsAsync);
            await StepAsync("parts", PartsAsync);
            await StepAsync("service visits, operations, part lines", VisitsAsync);
            await StepAsync("touchpoints", TouchpointsAsync);
            await StepAsync("notifications", NotificationsAsync);
            await StepAsync("statistics", () => ExecAsync("ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);"));
            await StepAsync("write plans", () => WritePlansAsync(Path.GetDirectoryName(databasePath)!));
            return new Manifest(scale, _now, counts, Guid.Parse(_sites[0].Id), Guid.Parse(Id(1, HeavyCustomer)), "smith", watch.Elapsed.TotalSeconds);
        }

        private int HeavyCustomer => Math.Min(4_242, counts.Customers - 1);

        private static async Task StepAsync(string name, Func<Task> step)
        {
            var watch = Stopwatch.StartNew();
            await step();
            Console.WriteLine($"  {name,-40} {watch.Elapsed.TotalSeconds,6:0.0} s");
        }

        private async Task SitesAsync()
        {
            var pdx = await ScalarAsync("SELECT Id FROM Sites WHERE Code = 'PDX'");
            var boi = await ScalarAsync("SELECT Id FROM Sites WHERE Code = 'BOI'");
            await CloneAsync("Sites", $"Id = '{pdx}'", ExtraSites.Length, new()
            {
                ["Id"] = i => Id(9, i),
                ["Code"] = i => ExtraSites[i].Code,
                ["Name"] = i => ExtraSites[i].Name,
            });
            await CloneAsync("SiteOpeningHours", $"SiteId = '{pdx}'", ExtraSites.Length, new() { ["Id"] = Omit, ["SiteId"] = i => Id(9, i) }, perTemplateRow: true);
            await CloneAsync("StaffSites", $"SiteId = '{pdx}'", ExtraSites.Length, new() { ["SiteId"] = i => Id(9, i) }, perTemplateRow: true);

            // Ten service advisors a site (the demo's one works everywhere): a drop-off slot holds one car per advisor.
            var advisor = await ScalarAsync("SELECT Id FROM AspNetUsers WHERE Email = 'service@demo.local'");
            await ExecAsync($"INSERT OR IGNORE INTO StaffSites (StaffUserId, SiteId) VALUES ('{advisor}', '{boi}')");
            var sites = new[] { pdx, boi }.Concat(Enumerable.Range(0, ExtraSites.Length).Select(i => Id(9, i))).ToList();
            await CloneAsync("AspNetUsers", $"Id = '{advisor}'", AdvisorsPerSite * sites.Count, new()
            {
                ["Id"] = k => Id(11, k),
                ["DisplayName"] = k => string.Create(CultureInfo.InvariantCulture, $"Advisor {k + 1}"),
                ["PrimarySiteId"] = k => sites[k / AdvisorsPerSite],
                ["UserName"] = k => string.Create(CultureInfo.InvariantCulture, $"advisor{k + 1}@demo.local"),
                ["NormalizedUserName"] = k => string.Create(CultureInfo.InvariantCulture, $"ADVISOR{k + 1}@DEMO.LOCAL"),
                ["Email"] = k => string.Create(CultureInfo.InvariantCulture, $"advisor{k + 1}@demo.local"),
                ["NormalizedEmail"] = k => string.Create(CultureInfo.InvariantCulture, $"ADVISOR{k + 1}@DEMO.LOCAL"),
                ["ConcurrencyStamp"] = k => Guid.NewGuid().ToString(),
            });
            await CloneAsync("AspNetUserRoles", $"UserId = '{advisor}'", AdvisorsPerSite * sites.Count, new() { ["UserId"] = k => Id(11, k) });
            await InsertAsync("StaffSites", ["StaffUserId", "SiteId"], AdvisorsPerSite * sites.Count, (k, row) => (row[0], row[1]) = (Id(11, k), sites[k / AdvisorsPerSite]));

            // A big group's workshops: about 130 visits a day each, so the capacity is sized to match.
            await ExecAsync("UPDATE Sites SET WorkshopMinutesPerDay = 6000, AdvisorMinutesPerDay = 6000");
            foreach (var id in sites)
            {
                var zone = TimeZoneInfo.FindSystemTimeZoneById(await ScalarAsync($"SELECT TimeZoneId FROM Sites WHERE Id = '{id}'"));
                _sites.Add((id, zone));
            }
        }

        private (string Id, TimeZoneInfo Zone) SiteOf(int customer) => _sites[customer % _sites.Count];

        private Task CustomersAsync() =>
            CloneAsync("Customers", "1 = 1", counts.Customers, new()
            {
                ["Id"] = i => Id(1, i),
                ["FirstName"] = i => FirstNames[i % FirstNames.Length],
                ["LastName"] = i => LastNames[i / FirstNames.Length % LastNames.Length],
                ["FirstNameKey"] = i => FirstNames[i % FirstNames.Length].ToLowerInvariant(),
                ["LastNameKey"] = i => LastNames[i / FirstNames.Length % LastNames.Length].ToLowerInvariant(),
                ["Email"] = i => $"{FirstNames[i % FirstNames.Length]}.{LastNames[i / FirstNames.Length % LastNames.Length]}{i}@example.com".ToLowerInvariant(),
                ["EmailKey"] = i => $"{FirstNames[i % FirstNames.Length]}.{LastNames[i / FirstNames.Length % LastNames.Length]}{i}@example.com".ToLowerInvariant(),
                ["MobilePhone"] = i => string.Create(CultureInfo.InvariantCulture, $"+1503{3_000_000 + i:0000000}"),
                ["PreferredChannel"] = i => i % 3 == 0 ? "Email" : "Sms",
                ["OwnerStaffId"] = i => i % 2 == 0 ? _sales : null,
                ["RegisteredAtSiteId"] = i => SiteOf(i).Id,
                ["SharedContactConfirmedBy"] = _ => null,
                ["SharedContactConfirmedAt"] = _ => null,
                ["SharedContactNote"] = _ => null,
                ["CreatedAt"] = i => Instant(_now.AddDays(-(i % 900) - 1)),
                ["UpdatedAt"] = i => Instant(_now.AddDays(-(i % 900) - 1)),
                ["Version"] = _ => 1,
            });

        private Task VehiclesAsync() =>
            CloneAsync("Vehicles", "1 = 1", counts.Vehicles, new()
            {
                ["Id"] = i => Id(2, i),
                ["CustomerId"] = i => Id(1, i % counts.Customers),
                ["Vin"] = i => Vin(i, 'L'),
                ["Year"] = i => 2012 + (i % 14),
                ["Make"] = i => i % 2 == 0 ? "Honda" : "Toyota",
                ["Model"] = i => i % 2 == 0 ? "Accord" : "RAV4",
                ["Odometer"] = i => 5_000 + (i * 37 % 120_000),
                ["AddedAt"] = i => Instant(_now.AddDays(-(i % 900) - 1)),
            });

        /// <summary>
        /// 30% of orders are active (a few thousand a site), spread over the stages before a collection is booked; the
        /// next promised date is in the past for about one active order in thirteen (late), the rest are delivered.
        /// </summary>
        private async Task OrdersAsync()
        {
            var template = await ScalarAsync("SELECT Id FROM Orders WHERE Status = 'Ordered' LIMIT 1");
            int StageOf(int i) => i % 10 < 3 ? i % 6 : 7;
            int AgeOf(int i) => StageOf(i) == 7 ? 120 + (i % 800) : 5 + (i % 115);
            var customerOf = (int i) => i * 7 % counts.Customers;
            await CloneAsync("Orders", $"Id = '{template}'", counts.Orders, new()
            {
                ["Id"] = i => Id(3, i),
                ["SiteId"] = i => SiteOf(customerOf(i)).Id,
                ["CustomerId"] = i => Id(1, customerOf(i)),
                ["OwnerStaffId"] = _ => _sales,
                ["Status"] = i => Milestones[StageOf(i)],
                ["CancelledAt"] = _ => null,
                ["CreatedAt"] = i => Instant(_now.AddDays(-AgeOf(i))),
                ["UpdatedAt"] = i => Instant(_now.AddDays(-AgeOf(i) / 2)),
                ["VehicleVin"] = i => Vin(i, 'N'),
                ["KeysHandedOverBy"] = i => StageOf(i) == 7 ? _sales : null,
                ["NewCarKeysHandedOver"] = i => StageOf(i) == 7 ? 1 : null,
                ["Version"] = _ => 1,
            });
            var today = DateOnly.FromDateTime(_now);
            await InsertAsync("OrderMilestones", ["Milestone", "PromisedDate", "ReachedAt", "LastChangeReason", "LastChangedAt", "OrderId"], counts.Orders * Milestones.Length, (k, row) =>
            {
                var (i, m) = (k / Milestones.Length, k % Milestones.Length);
                var (stage, age) = (StageOf(i), AgeOf(i));
                var created = _now.AddDays(-age);
                row[0] = Milestones[m];
                row[1] = m <= stage || m >= 6 ? null : Day(today.AddDays((i % 40) - 3 + ((m - stage - 1) * 10)));
                row[2] = m <= stage ? Instant(created.AddDays(age * m / (stage + 1.0))) : null;
                row[3] = null;
                row[4] = null;
                row[5] = Id(3, i);
            });
        }

        private async Task TradeInsAsync()
        {
            var template = await ScalarAsync("SELECT Id FROM TradeIns ORDER BY Status = 'AwaitingAppraisal' DESC LIMIT 1");
            await CloneAsync("TradeIns", $"Id = '{template}'", counts.TradeIns, new()
            {
                ["Id"] = i => Id(4, i),
                ["SiteId"] = i => SiteOf(i * 5 % counts.Customers).Id,
                ["CustomerId"] = i => Id(1, i * 5 % counts.Customers),
                ["OrderId"] = _ => null,
                ["LiveOrderId"] = _ => null,
                ["LiveVin"] = i => Vin(i, 'T'),
                ["Vin"] = i => Vin(i, 'T'),
                ["RequestedBy"] = _ => _sales,
                ["RequestedAt"] = i => Instant(_now.AddDays(-(i % 600) - 1)),
                ["UpdatedAt"] = i => Instant(_now.AddDays(-(i % 600) - 1)),
                ["Version"] = _ => 1,
            });
        }

        private async Task PartsAsync()
        {
            var template = await ScalarAsync("SELECT Id FROM Parts LIMIT 1");
            var suppliers = await ColumnAsync("SELECT Id FROM Suppliers ORDER BY Name");
            var perSite = counts.PartsPerSite;
            await CloneAsync("Parts", $"Id = '{template}'", perSite * _sites.Count, new()
            {
                ["Id"] = i => Id(6, i),
                ["SiteId"] = i => _sites[i / perSite].Id,
                ["PartNumber"] = i => string.Create(CultureInfo.InvariantCulture, $"BENCH-{i % perSite:0000}"),
                ["Description"] = i => string.Create(CultureInfo.InvariantCulture, $"Benchmark part {i % perSite}"),
                ["OnHand"] = i => i % 4 == 0 ? 0 : 20 + (i % 50),
                ["Reserved"] = _ => 0,
                ["Version"] = _ => 1,
            });

            // One to three suppliers a part, lead times of one to twelve working days.
            var rows = Enumerable.Range(0, perSite * _sites.Count).SelectMany(p => Enumerable.Range(0, 1 + (p % 3)).Select(s => (Part: p, Supplier: (p + s) % suppliers.Count))).ToList();
            await InsertAsync("PartSuppliers", ["SupplierId", "LeadTimeWorkingDays", "CostAmount", "PartId"], rows.Count, (k, row) =>
            {
                row[0] = suppliers[rows[k].Supplier];
                row[1] = 1 + ((rows[k].Part + rows[k].Supplier) % 12);
                row[2] = 500 + (rows[k].Supplier * 40);
                row[3] = Id(6, rows[k].Part);
            });
        }

        /// <summary>
        /// Visits: the upcoming ones fill the next three weeks' working days at every site (booked, parts still to plan,
        /// three part lines each); the rest are collected visits from the last three years.
        /// </summary>
        private async Task VisitsAsync()
        {
            var template = await ScalarAsync("SELECT Id FROM ServiceAppointments WHERE Status = 'Booked' LIMIT 1");
            var operation = await ScalarAsync("SELECT Id FROM AppointmentOperations LIMIT 1");
            var workingDays = Enumerable.Range(1, 21).Select(d => DateOnly.FromDateTime(_now).AddDays(d))
                .Where(d => d.DayOfWeek is not DayOfWeek.Saturday and not DayOfWeek.Sunday).ToList();
            var upcoming = counts.UpcomingVisits;
            var sitesCount = _sites.Count;
            var cells = sitesCount * workingDays.Count;

            // Visit i: site i % 5, then a working day, then the next free slot and advisor of that site's day.
            int SiteIndex(int i) => i % sitesCount;
            int CustomerOf(int i) => (int)((long)i * 7_919 % (counts.Customers / sitesCount) * sitesCount) + SiteIndex(i);
            DateOnly DateOf(int i) => i < upcoming ? workingDays[i / sitesCount % workingDays.Count] : DateOnly.FromDateTime(_now).AddDays(-1 - (i % 1_000));
            DateTime StartsAt(int i)
            {
                var local = DateOf(i).ToDateTime(new TimeOnly(8, 0)).AddMinutes(i / cells % 18 * 30);
                return TimeZoneInfo.ConvertTimeToUtc(local, _sites[SiteIndex(i)].Zone);
            }

            string AdvisorOf(int i) => Id(11, (SiteIndex(i) * AdvisorsPerSite) + (i / cells / 18 % AdvisorsPerSite));
            string? Past(int i, string? value) => i < upcoming ? null : value;
            var collectedAt = (int i) => Past(i, Instant(StartsAt(i).AddHours(8)));
            await CloneAsync("ServiceAppointments", $"Id = '{template}'", counts.Visits, new()
            {
                ["Id"] = i => Id(5, i),
                ["SiteId"] = i => _sites[SiteIndex(i)].Id,
                ["CustomerId"] = i => Id(1, CustomerOf(i)),
                ["VehicleId"] = i => Id(2, CustomerOf(i)),
                ["AdvisorStaffId"] = AdvisorOf,
                ["Concern"] = i => i % 2 == 0 ? "Oil change and inspection" : "Brakes squeal when stopping",
                ["StartsAt"] = i => Instant(StartsAt(i)),
                ["Date"] = i => Day(DateOf(i)),
                ["WalkIn"] = _ => 0,
                ["LabourMinutes"] = _ => 30,
                ["Status"] = i => i < upcoming ? "Booked" : "Collected",
                ["Readiness"] = i => i < upcoming ? "Planning" : "Ready",
                ["WaitedForParts"] = _ => 0,
                ["AtRiskSince"] = _ => null,
                ["ConfirmedAt"] = _ => null,
                ["CreatedAt"] = i => Instant(StartsAt(i).AddDays(-14)),
                ["CreatedBy"] = _ => _advisor,
                ["Mileage"] = i => Past(i, "42000"),
                ["ConcernConfirmed"] = _ => null,
                ["UpdatesContact"] = _ => null,
                ["PromisedReadyAt"] = _ => null,
                ["CheckedInAt"] = i => Past(i, Instant(StartsAt(i))),
                ["CheckedInBy"] = i => Past(i, _advisor),
                ["Version"] = _ => 1,
                ["BookedByCustomer"] = _ => 0,
                ["CollectedAt"] = collectedAt,
                ["CollectedBy"] = i => Past(i, _advisor),
                ["InspectedAt"] = _ => null,
                ["InspectedBy"] = _ => null,
                ["NoShowAt"] = _ => null,
                ["PaidAmount"] = _ => null,
                ["PaymentMethod"] = _ => null,
                ["PaymentReference"] = _ => null,
                ["ReadyAt"] = i => Past(i, Instant(StartsAt(i).AddHours(6))),
                ["WorkStartedAt"] = i => Past(i, Instant(StartsAt(i).AddHours(1))),
                ["PartsAtCheckIn"] = _ => null,
            });
            await CloneAsync("AppointmentOperations", $"Id = {operation}", counts.Visits, new()
            {
                ["Id"] = Omit,
                ["LabourMinutes"] = _ => 30,
                ["AppointmentId"] = i => Id(5, i),
            });

            var perSite = counts.PartsPerSite;
            await InsertAsync("AppointmentPartLines", ["PartId", "PartNumber", "Description", "Quantity", "State", "PartsOrderId", "Eta", "AppointmentId", "ExtraWorkId"], upcoming * 3, (k, row) =>
            {
                var (i, line) = (k / 3, k % 3);
                var site = SiteIndex(i);
                var part = ((i * 7) + (line * 31)) % perSite;
                row[0] = Id(6, (site * perSite) + part);
                row[1] = string.Create(CultureInfo.InvariantCulture, $"BENCH-{part:0000}");
                row[2] = string.Create(CultureInfo.InvariantCulture, $"Benchmark part {part}");
                row[3] = 1 + (i % 2);
                row[4] = "Needed";
                row[5] = null;
                row[6] = null;
                row[7] = Id(5, i);
                row[8] = null;
            });

            // The workshop's booked minutes per day, as the booking rule keeps them.
            await ExecAsync($"""
                INSERT INTO WorkshopDays (Id, SiteId, Date, BookedMinutes, Version)
                SELECT upper(printf('%08X-0000-4000-8000-%012X', 7, row_number() OVER ())), SiteId, Date, SUM(LabourMinutes), 1
                FROM ServiceAppointments WHERE Id >= '{Id(5, 0)}' AND Id <= '{Id(5, upcoming - 1)}' GROUP BY SiteId, Date
                ON CONFLICT (SiteId, Date) DO UPDATE SET BookedMinutes = BookedMinutes + excluded.BookedMinutes
                """);
        }

        /// <summary>About twenty per customer over two years, and one customer with thousands (a long relationship).</summary>
        private async Task TouchpointsAsync()
        {
            var template = await ScalarAsync("SELECT Id FROM Touchpoints LIMIT 1");
            var heavy = counts.HeavyCustomerTouchpoints;
            string[] kinds = ["StatusChanged", "MessageSent", "CustomerReply", "MessageSent"];
            string[] directions = ["Internal", "Outbound", "Inbound", "Outbound"];
            string[] actors = ["Dealer", "Dealer", "Customer", "Dealer"];
            string[] summaries = ["Order moved to built.", "Text sent: your car has been built.", "Reply: thanks, see you then!", "Email sent: your service visit is confirmed."];
            int CustomerOf(int t) => t < heavy ? HeavyCustomer : (t - heavy) % counts.Customers;
            await CloneAsync("Touchpoints", $"Id = '{template}'", counts.Touchpoints, new()
            {
                ["Id"] = t => Id(8, t),
                ["CustomerId"] = t => Id(1, CustomerOf(t)),
                ["SiteId"] = t => SiteOf(CustomerOf(t)).Id,
                ["OccurredAt"] = t => Instant(_now.AddMinutes(-(((long)t * 7_919 % (730 * 24 * 60)) + 1))),
                ["Kind"] = t => kinds[t % 4],
                ["Direction"] = t => directions[t % 4],
                ["Actor"] = t => actors[t % 4],
                ["Proactive"] = t => t % 4 == 1 ? 1 : 0,
                ["Summary"] = t => summaries[t % 4],
                ["StaffId"] = _ => null,
                ["SubjectType"] = _ => null,
                ["SubjectId"] = _ => null,
            });

            // Active orders' customers heard from us lately, as a dealer that keeps them posted would have it: the last
            // message 0 to 9 days ago, so about a fifth are silent for longer than the policy allows before arrival.
            var active = Enumerable.Range(0, counts.Orders).Where(i => i % 10 < 3).ToList();
            await CloneAsync("Touchpoints", $"Id = '{template}'", active.Count, new()
            {
                ["Id"] = k => Id(13, k),
                ["CustomerId"] = k => Id(1, active[k] * 7 % counts.Customers),
                ["SiteId"] = k => SiteOf(active[k] * 7 % counts.Customers).Id,
                ["OccurredAt"] = k => Instant(_now.AddDays(-(active[k] % 10)).AddMinutes(-(k % 600))),
                ["Kind"] = _ => "MessageSent",
                ["Direction"] = _ => "Outbound",
                ["Actor"] = _ => "Dealer",
                ["Proactive"] = _ => 1,
                ["Summary"] = _ => "Text sent: an update on your new car.",
                ["StaffId"] = _ => null,
                ["SubjectType"] = _ => "order",
                ["SubjectId"] = k => Id(3, active[k]),
            });
        }

        private async Task NotificationsAsync()
        {
            var template = await ScalarAsync("SELECT Id FROM Notifications ORDER BY Status = 'Sent' DESC LIMIT 1");
            await CloneAsync("Notifications", $"Id = '{template}'", counts.Notifications, new()
            {
                ["Id"] = n => Id(10, n),
                ["Attempts"] = _ => 1,
                ["Body"] = _ => "Your car has been built. Track it here: https://dealer.example/t/xyz",
                ["Channel"] = n => n % 3 == 0 ? "Email" : "Sms",
                ["ClaimedAt"] = _ => null,
                ["CreatedAt"] = n => Instant(_now.AddMinutes(-((long)n * 613 % (730 * 24 * 60)) - 10)),
                ["CustomerId"] = n => Id(1, n % counts.Customers),
                ["DeduplicationKey"] = n => string.Create(CultureInfo.InvariantCulture, $"bench/{n}"),
                ["DeliveredAt"] = _ => null,
                ["DueAt"] = n => Instant(_now.AddMinutes(-((long)n * 613 % (730 * 24 * 60)) - 10)),
                ["LeaseUntil"] = _ => null,
                ["LinkTokenHash"] = _ => null,
                ["ProviderMessageId"] = n => string.Create(CultureInfo.InvariantCulture, $"SMbench{n}"),
                ["Recipient"] = n => string.Create(CultureInfo.InvariantCulture, $"+1503{3_000_000 + (n % counts.Customers):0000000}"),
                ["SentAt"] = n => Instant(_now.AddMinutes(-((long)n * 613 % (730 * 24 * 60)) - 9)),
                ["SiteId"] = n => SiteOf(n % counts.Customers).Id,
                ["Status"] = _ => "Sent",
                ["Version"] = _ => 1,
            });
        }

        /// <summary>
        /// The write paths' work, one line per request, so the product and the baseline each do real writes that the
        /// rules accept, never the same ones: milestones-{product,baseline}.txt ("orderId milestone", a coming milestone
        /// of an active order) and bookings-{product,baseline}.txt ("siteId customerId vehicleId advisorId startsAt",
        /// a free drop-off slot four to twenty weeks ahead for a car with no visit, a hundred a site a day).
        /// </summary>
        private async Task WritePlansAsync(string directory)
        {
            // In passes: every active order's next milestone, then the one after, and so on up to prepared for
            // delivery, so each side has more lines than it can use in a run and an order's lines are a pass apart.
            // Each order's lines all go to one side (alternate tens of orders), or the other side would find the
            // order a milestone short.
            var milestones = Enumerable.Range(1, 5)
                .SelectMany(step => Enumerable.Range(0, counts.Orders).Where(i => i % 10 < 3 && (i % 6) + step <= 5)
                    .Select(i => (Order: i, Line: $"{Id(3, i)} {Milestones[(i % 6) + step]}")))
                .ToList();
            await File.WriteAllLinesAsync(Path.Combine(directory, "milestones-product.txt"), milestones.Where(m => m.Order / 10 % 2 == 0).Select(m => m.Line));
            await File.WriteAllLinesAsync(Path.Combine(directory, "milestones-baseline.txt"), milestones.Where(m => m.Order / 10 % 2 == 1).Select(m => m.Line));

            var hours = new Dictionary<string, Dictionary<DayOfWeek, TimeOnly>>();
            await using (var read = _db.CreateCommand())
            {
                read.CommandText = "SELECT SiteId, Day, Opens FROM SiteOpeningHours";
                await using var reader = await read.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    var site = reader.GetString(0);
                    hours.TryAdd(site, []);
                    hours[site][Enum.Parse<DayOfWeek>(reader.GetString(1))] = TimeOnly.Parse(reader.GetString(2), CultureInfo.InvariantCulture);
                }
            }

            var bookings = new List<string>();
            var secondCars = counts.Vehicles - counts.Customers;
            var used = new int[_sites.Count];
            for (var day = DateOnly.FromDateTime(_now).AddDays(28); day < DateOnly.FromDateTime(_now).AddDays(140); day = day.AddDays(1))
            {
                for (var s = 0; s < _sites.Count; s++)
                {
                    if (!hours[_sites[s].Id].TryGetValue(day.DayOfWeek, out var opens))
                    {
                        continue;
                    }

                    for (var slot = 0; slot < 10; slot++)
                    {
                        for (var a = 0; a < AdvisorsPerSite; a++)
                        {
                            // A customer of this site with a second car (customer c has car counts.Customers + c).
                            var customer = (used[s]++ * _sites.Count) + s;
                            if (customer >= secondCars)
                            {
                                continue;
                            }

                            var startsAt = TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(opens).AddMinutes(slot * 30), _sites[s].Zone);
                            bookings.Add($"{_sites[s].Id} {Id(1, customer)} {Id(2, counts.Customers + customer)} {Id(11, (s * AdvisorsPerSite) + a)} {startsAt:yyyy-MM-ddTHH:mm:ssZ}");
                        }
                    }
                }
            }

            await WriteHalvesAsync(directory, "bookings", bookings);
        }

        private static async Task WriteHalvesAsync(string directory, string name, List<string> lines)
        {
            await File.WriteAllLinesAsync(Path.Combine(directory, $"{name}-product.txt"), lines.Where((_, k) => k % 2 == 0));
            await File.WriteAllLinesAsync(Path.Combine(directory, $"{name}-baseline.txt"), lines.Where((_, k) => k % 2 == 1));
        }

        private static readonly Func<int, object?> Omit = _ => OmitMarker;

        private static readonly object OmitMarker = new();

        /// <summary>
        /// Copies the first row matching <paramref name="where"/> <paramref name="count"/> times (or, with
        /// <paramref name="perTemplateRow"/>, every matching row that many times), overriding the named columns.
        /// </summary>
        private async Task CloneAsync(string table, string where, int count, Dictionary<string, Func<int, object?>> overrides, bool perTemplateRow = false)
        {
            var templates = new List<object?[]>();
            string[] columns;
            await using (var read = _db.CreateCommand())
            {
                read.CommandText = $"SELECT * FROM \"{table}\" WHERE {where}" + (perTemplateRow ? "" : " LIMIT 1");
                await using var reader = await read.ExecuteReaderAsync();
                columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
                while (await reader.ReadAsync())
                {
                    var values = new object?[reader.FieldCount];
                    for (var c = 0; c < values.Length; c++)
                    {
                        values[c] = reader.IsDBNull(c) ? null : reader.GetValue(c);
                    }

                    templates.Add(values);
                }
            }

            if (templates.Count == 0)
            {
                throw new InvalidOperationException($"The demo data has no {table} row to copy ({where}).");
            }

            var unknown = overrides.Keys.Except(columns).ToList();
            if (unknown.Count > 0)
            {
                throw new InvalidOperationException($"{table} has no column {string.Join(", ", unknown)}: the schema changed, update ScaleSeed.");
            }

            var kept = columns.Where(c => !overrides.TryGetValue(c, out var f) || f(0) != OmitMarker).ToArray();
            var valueOf = kept.Select(c => overrides.GetValueOrDefault(c)).ToArray();
            var index = kept.Select(c => Array.IndexOf(columns, c)).ToArray();
            await InsertAsync(table, kept, count * templates.Count, (k, row) =>
            {
                var (i, template) = (k / templates.Count, templates[k % templates.Count]);
                for (var c = 0; c < kept.Length; c++)
                {
                    row[c] = valueOf[c] is { } f ? f(i) : template[index[c]];
                }
            });
        }

        /// <summary>One prepared INSERT, one transaction: the bulk path SQLite offers.</summary>
        private async Task InsertAsync(string table, string[] columns, int count, Action<int, object?[]> fill)
        {
            await using var transaction = (SqliteTransaction)await _db.BeginTransactionAsync();
            await using var insert = _db.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, c) => $"$p{c}"))})";
            var parameters = columns.Select((_, c) => insert.Parameters.Add(new SqliteParameter($"$p{c}", null))).ToArray();
            insert.Prepare();
            var row = new object?[columns.Length];
            for (var k = 0; k < count; k++)
            {
                fill(k, row);
                for (var c = 0; c < row.Length; c++)
                {
                    parameters[c].Value = row[c] ?? DBNull.Value;
                }

                insert.ExecuteNonQuery();
            }

            await transaction.CommitAsync();
        }

        private async Task ExecAsync(string sql)
        {
            await using var command = _db.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }

        private async Task<string> ScalarAsync(string sql)
        {
            await using var command = _db.CreateCommand();
            command.CommandText = sql;
            return Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) ?? throw new InvalidOperationException($"No row for: {sql}");
        }

        private async Task<List<string>> ColumnAsync(string sql)
        {
            await using var command = _db.CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync();
            var values = new List<string>();
            while (await reader.ReadAsync())
            {
                values.Add(reader.GetString(0));
            }

            return values;
        }
    }
}
