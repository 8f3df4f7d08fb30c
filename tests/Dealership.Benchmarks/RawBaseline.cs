using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace Dealership.Benchmarks;

// The raw baseline the load scripts compare the product against: the least an HTTP service must do to answer
// the same questions on the same database file. A minimal ASP.NET Core app with hand-written SQL over
// Microsoft.Data.Sqlite and System.Text.Json; no mediator, EF Core, validation, problem details or telemetry.
// It pays the same authentication cost as the product: the same bearer token is validated with the same key, and
// the caller's account and sites are read once per request (the product does that so a deactivated account or
// a changed password takes effect at once; a baseline without it would answer a different, less safe question).
//   dotnet run -c Release --project tests/Dealership.Benchmarks -- baseline --data DIR --urls http://127.0.0.1:5098
// It is the limit we measure against, not part of the product, and it writes only what the product's write
// paths write (the order and its milestone, the outbox row, the touchpoint; the visit and the workshop's day).
internal static class RawBaseline
{
    private static readonly string[] ActiveLast = ["ArrivedAtDealership", "PreparedForDelivery"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<int> RunAsync(string[] args)
    {
        var dataDirectory = CommandLine.Option(args, "--data") ?? Path.Combine(Path.GetTempPath(), "dealership-scale", "group");
        var urls = CommandLine.Option(args, "--urls") ?? "http://127.0.0.1:5098";
        var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDirectory, "dealership.db"), Pooling = true }.ToString();
        var key = new SymmetricSecurityKey(Convert.FromBase64String((await File.ReadAllTextAsync(Path.Combine(dataDirectory, "signing-key.txt"))).Trim()));

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(urls);
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
        {
            o.MapInboundClaims = false;
            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = "dealership",
                ValidAudience = "dealership-api",
                IssuerSigningKey = key,
                NameClaimType = "name",
                RoleClaimType = "role",
                ClockSkew = TimeSpan.FromSeconds(30),
            };
        });
        builder.Services.AddAuthorization();
        await using var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();

        // The caller's account and sites, once per request, as the product does.
        app.Use(async (context, next) =>
        {
            if (context.User.Identity?.IsAuthenticated != true || !Guid.TryParse(context.User.FindFirstValue("sub"), out var staffId))
            {
                await next(context);
                return;
            }

            await using var db = await OpenAsync(connectionString);
            await using var command = db.CreateCommand();
            command.CommandText = """
                SELECT u.PrimarySiteId, u.IsActive, u.SecurityStamp, s.SiteId FROM AspNetUsers u
                LEFT JOIN StaffSites s ON s.StaffUserId = u.Id WHERE u.Id = $id
                """;
            command.Parameters.AddWithValue("$id", staffId.ToString().ToUpperInvariant());
            var sites = new List<string>();
            string? primary = null;
            var active = false;
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    primary = reader.GetString(0);
                    active = reader.GetBoolean(1) && (reader.IsDBNull(2) ? "" : reader.GetString(2)) == (context.User.FindFirstValue("AspNet.Identity.SecurityStamp") ?? "");
                    if (!reader.IsDBNull(3))
                    {
                        sites.Add(reader.GetString(3));
                    }
                }
            }

            if (!active || sites.Count == 0)
            {
                context.Response.StatusCode = 401;
                return;
            }

            var requested = context.Request.Headers["X-Site-Id"].ToString().ToUpperInvariant();
            context.Items["site"] = requested.Length > 0 && sites.Contains(requested) ? requested : sites.Contains(primary!) ? primary : sites[0];
            context.Items["staff"] = staffId.ToString().ToUpperInvariant();
            await next(context);
        });

        var api = app.MapGroup("/api").RequireAuthorization();
        api.MapGet("/deliveries/board", (int? page, int? pageSize, HttpContext http) => WithDbAsync(connectionString, db => BoardAsync(db, Site(http), page ?? 1, pageSize ?? 50)));
        api.MapGet("/customers", (string? search, int? pageSize, HttpContext http) => WithDbAsync(connectionString, db => SearchAsync(db, search ?? "", pageSize ?? 25)));
        api.MapGet("/customers/{id:guid}/journey", (Guid id, int? page, int? pageSize) => WithDbAsync(connectionString, db => JourneyAsync(db, id, page ?? 1, pageSize ?? 25)));
        api.MapGet("/service/lane", (DateOnly? date, HttpContext http) => WithDbAsync(connectionString, db => LaneAsync(db, Site(http), date)));
        api.MapGet("/parts/shortages", (int? page, int? pageSize, HttpContext http) => WithDbAsync(connectionString, db => ShortagesAsync(db, Site(http), page ?? 1, pageSize ?? 25)));
        api.MapPost("/orders/{id:guid}/milestones", (Guid id, MilestoneBody body, HttpContext http) => WithDbAsync(connectionString, db => RecordMilestoneAsync(db, id, body.Milestone, Staff(http))));
        api.MapPost("/service/appointments", (BookingBody body, HttpContext http) => WithDbAsync(connectionString, db => BookAsync(db, Site(http), Staff(http), body)));
        app.MapGet("/health/ready", () => Results.Ok("ready"));
        Console.WriteLine($"raw baseline on {urls} over {connectionString}");
        await app.RunAsync();
        return 0;
    }

    public sealed record MilestoneBody(string Milestone);

    public sealed record BookingBody(Guid CustomerId, Guid VehicleId, string Concern, DateTime StartsAt, Guid AdvisorStaffId);

    private static string Site(HttpContext http) => (string)http.Items["site"]!;

    private static string Staff(HttpContext http) => (string)http.Items["staff"]!;

    private static async Task<SqliteConnection> OpenAsync(string connectionString)
    {
        var db = new SqliteConnection(connectionString);
        await db.OpenAsync();
        return db;
    }

    private static async Task<IResult> WithDbAsync(string connectionString, Func<SqliteConnection, Task<IResult>> work)
    {
        await using var db = await OpenAsync(connectionString);
        try
        {
            return await work(db);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 5 or 6)
        {
            return Results.StatusCode(409);
        }
    }

    private static string Instant(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss.fffffff", CultureInfo.InvariantCulture);

    private static DateTime ReadInstant(SqliteDataReader r, int i) => DateTime.SpecifyKind(DateTime.Parse(r.GetString(i), CultureInfo.InvariantCulture), DateTimeKind.Utc);

    private static SqliteCommand Command(SqliteConnection db, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = db.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    private static SqliteCommand Command(SqliteTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = Command(transaction.Connection!, sql, parameters);
        command.Transaction = transaction;
        return command;
    }

    private static async Task<(TimeZoneInfo Zone, string Name)> SiteAsync(SqliteConnection db, string site)
    {
        await using var command = Command(db, "SELECT TimeZoneId, Name FROM Sites WHERE Id = $s", ("$s", site));
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (TimeZoneInfo.FindSystemTimeZoneById(reader.GetString(0)), reader.GetString(1));
    }

    /// <summary>
    /// The deliveries board in one statement: every active order of the site ranked by the same rule as the
    /// product's (collection today, late, silent, arrived without a collection, on track), the counts per rank
    /// over all of them (a window), and one page of the most urgent with their names and last message.
    /// </summary>
    private static async Task<IResult> BoardAsync(SqliteConnection db, string site, int page, int pageSize)
    {
        var (zone, _) = await SiteAsync(db, site);
        var now = DateTime.UtcNow;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(now, zone));
        var dayStarts = TimeZoneInfo.ConvertTimeToUtc(today.ToDateTime(TimeOnly.MinValue), zone);
        await using var command = Command(db, """
            WITH ranked AS (
              SELECT o.Id, o.CustomerId, o.OwnerStaffId, o.Status, o.CreatedAt, o.VehicleYear, o.VehicleMake, o.VehicleModel,
                CASE
                  WHEN EXISTS (SELECT 1 FROM CollectionBookings b WHERE b.OrderId = o.Id AND b.StartsAt >= $dayStarts AND b.StartsAt < $dayEnds) THEN 3
                  WHEN EXISTS (SELECT 1 FROM OrderMilestones m WHERE m.OrderId = o.Id AND m.ReachedAt IS NULL AND m.PromisedDate < $today) THEN 0
                  WHEN NOT EXISTS (SELECT 1 FROM Touchpoints t WHERE t.CustomerId = o.CustomerId AND t.Direction = 'Outbound' AND t.Kind = 'MessageSent'
                         AND t.OccurredAt >= CASE WHEN o.Status IN ('ArrivedAtDealership', 'PreparedForDelivery') THEN $quietAfter ELSE $quietBefore END)
                   AND (EXISTS (SELECT 1 FROM Touchpoints t WHERE t.CustomerId = o.CustomerId AND t.Direction = 'Outbound' AND t.Kind = 'MessageSent')
                        OR o.CreatedAt < CASE WHEN o.Status IN ('ArrivedAtDealership', 'PreparedForDelivery') THEN $quietAfter ELSE $quietBefore END) THEN 1
                  WHEN o.Status IN ('ArrivedAtDealership', 'PreparedForDelivery') THEN 2
                  ELSE 4 END AS Rank,
                (SELECT MIN(m.PromisedDate) FROM OrderMilestones m WHERE m.OrderId = o.Id AND m.ReachedAt IS NULL AND m.PromisedDate IS NOT NULL) AS NextPromised
              FROM Orders o WHERE o.SiteId = $site AND o.CancelledAt IS NULL AND o.Status <> 'Delivered'),
            counted AS (SELECT *, COUNT(*) OVER (PARTITION BY Rank) AS InRank FROM ranked),
            top AS (SELECT * FROM counted ORDER BY Rank, NextPromised IS NULL, NextPromised, CreatedAt, Id LIMIT $pageSize OFFSET $skip)
            SELECT top.Id, top.CustomerId, c.FirstName || ' ' || c.LastName, top.OwnerStaffId, u.DisplayName, top.Status, top.Rank, top.NextPromised,
              top.VehicleYear || ' ' || top.VehicleMake || ' ' || top.VehicleModel, top.CreatedAt,
              (SELECT MAX(t.OccurredAt) FROM Touchpoints t WHERE t.CustomerId = top.CustomerId AND t.Direction = 'Outbound' AND t.Kind = 'MessageSent'),
              (SELECT b.StartsAt FROM CollectionBookings b WHERE b.OrderId = top.Id),
              (SELECT m.Milestone || ' ' || m.PromisedDate FROM OrderMilestones m WHERE m.OrderId = top.Id AND m.ReachedAt IS NULL AND m.PromisedDate < $today ORDER BY m.PromisedDate LIMIT 1),
              top.InRank, (SELECT group_concat(Rank || ':' || n) FROM (SELECT Rank, COUNT(*) AS n FROM ranked GROUP BY Rank))
            FROM top JOIN Customers c ON c.Id = top.CustomerId JOIN AspNetUsers u ON u.Id = top.OwnerStaffId
            ORDER BY top.Rank, top.NextPromised IS NULL, top.NextPromised, top.CreatedAt
            """,
            ("$site", site), ("$today", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("$dayStarts", Instant(dayStarts)), ("$dayEnds", Instant(dayStarts.AddDays(1))),
            ("$quietBefore", Instant(now.AddDays(-7))), ("$quietAfter", Instant(now.AddHours(-24))), ("$pageSize", pageSize), ("$skip", (page - 1) * pageSize));
        var rows = new List<object>(pageSize);
        var counts = new int[5];
        await using (var r = await command.ExecuteReaderAsync())
        {
            while (await r.ReadAsync())
            {
                var rank = r.GetInt32(6);
                var overdue = r.IsDBNull(12) ? null : r.GetString(12);
                var last = r.IsDBNull(10) ? (DateTime?)null : ReadInstant(r, 10);
                var reason = rank switch
                {
                    0 => $"{overdue} was promised earlier",
                    1 => $"Customer has not heard from us since {TimeZoneInfo.ConvertTimeFromUtc(last ?? ReadInstant(r, 9), zone):MMM d}",
                    2 => "At the dealership, no collection booked yet",
                    3 => "Collection today",
                    _ => "Next milestone on track",
                };
                rows.Add(new
                {
                    orderId = r.GetString(0), customerId = r.GetString(1), customerName = r.GetString(2), ownerStaffId = r.GetString(3), ownerName = r.GetString(4),
                    vehicle = r.GetString(8), status = r.GetString(5), nextPromisedDate = r.IsDBNull(7) ? null : r.GetString(7),
                    attention = rank, reason, lastContactAt = last, collectionAt = r.IsDBNull(11) ? null : r.GetString(11),
                });
                foreach (var part in r.GetString(14).Split(','))
                {
                    var pair = part.Split(':');
                    counts[int.Parse(pair[0], CultureInfo.InvariantCulture)] = int.Parse(pair[1], CultureInfo.InvariantCulture);
                }
            }
        }

        return Results.Json(new { rows, late = counts[0], silent = counts[1], arrivedNotScheduled = counts[2], scheduledToday = counts[3], onTrack = counts[4], page, pageSize, total = counts.Sum() }, Json);
    }

    /// <summary>Customer search: a count and one page by name, prefix ranges on the same keys the product searches.</summary>
    private static async Task<IResult> SearchAsync(SqliteConnection db, string search, int pageSize)
    {
        var term = search.Trim().ToLowerInvariant();
        var to = term.Length == 0 ? "" : term[..^1] + (char)(term[^1] + 1);
        var where = term.Length == 0 ? "1 = 1"
            : "(c.LastNameKey >= $f AND c.LastNameKey < $t) OR (c.FirstNameKey >= $f AND c.FirstNameKey < $t) OR (c.EmailKey >= $f AND c.EmailKey < $t)";
        await using var count = Command(db, $"SELECT COUNT(*) FROM Customers c WHERE {where}", ("$f", term), ("$t", to));
        var total = Convert.ToInt32(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        await using var page = Command(db, $"""
            SELECT c.Id, c.FirstName, c.LastName, c.Email, c.MobilePhone, c.PreferredChannel, (SELECT COUNT(*) FROM Vehicles v WHERE v.CustomerId = c.Id)
            FROM Customers c WHERE {where} ORDER BY c.LastNameKey, c.FirstNameKey, c.Id LIMIT $n
            """, ("$f", term), ("$t", to), ("$n", pageSize));
        var items = new List<object>(pageSize);
        await using (var r = await page.ExecuteReaderAsync())
        {
            while (await r.ReadAsync())
            {
                items.Add(new
                {
                    id = r.GetString(0), firstName = r.GetString(1), lastName = r.GetString(2), email = r.IsDBNull(3) ? null : r.GetString(3),
                    mobilePhone = r.IsDBNull(4) ? null : r.GetString(4), preferredChannel = r.GetString(5), vehicles = r.GetInt32(6),
                });
            }
        }

        return Results.Json(new { items, page = 1, pageSize, total }, Json);
    }

    /// <summary>A customer's timeline: that the customer exists, a count and one page newest first.</summary>
    private static async Task<IResult> JourneyAsync(SqliteConnection db, Guid customer, int page, int pageSize)
    {
        var id = customer.ToString().ToUpperInvariant();
        await using var exists = Command(db, "SELECT COUNT(*) FROM Customers WHERE Id = $c", ("$c", id));
        if (Convert.ToInt32(await exists.ExecuteScalarAsync(), CultureInfo.InvariantCulture) == 0)
        {
            return Results.NotFound();
        }

        await using var count = Command(db, "SELECT COUNT(*) FROM Touchpoints WHERE CustomerId = $c", ("$c", id));
        var total = Convert.ToInt32(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        await using var list = Command(db, """
            SELECT Id, OccurredAt, Kind, Direction, Actor, Proactive, Summary, StaffId, SiteId, SubjectType, SubjectId FROM Touchpoints
            WHERE CustomerId = $c ORDER BY OccurredAt DESC, Id DESC LIMIT $n OFFSET $o
            """, ("$c", id), ("$n", pageSize), ("$o", (page - 1) * pageSize));
        var items = new List<object>(pageSize);
        await using (var r = await list.ExecuteReaderAsync())
        {
            while (await r.ReadAsync())
            {
                items.Add(new
                {
                    id = r.GetString(0), occurredAt = ReadInstant(r, 1), kind = r.GetString(2), direction = r.GetString(3), actor = r.GetString(4), proactive = r.GetBoolean(5),
                    summary = r.GetString(6), staffId = r.IsDBNull(7) ? null : r.GetString(7), siteId = r.IsDBNull(8) ? null : r.GetString(8),
                    subjectType = r.IsDBNull(9) ? null : r.GetString(9), subjectId = r.IsDBNull(10) ? null : r.GetString(10),
                });
            }
        }

        return Results.Json(new { items, page, pageSize, total }, Json);
    }

    /// <summary>The service lane: the day's visits at the site with their names, car, advisor, operations and part lines.</summary>
    private static async Task<IResult> LaneAsync(SqliteConnection db, string site, DateOnly? date)
    {
        var (zone, _) = await SiteAsync(db, site);
        var day = (date ?? DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, zone))).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await using var visits = Command(db, """
            SELECT a.Id, a.CustomerId, c.FirstName || ' ' || c.LastName, a.VehicleId, v.Year || ' ' || v.Make || ' ' || v.Model, a.AdvisorStaffId, u.DisplayName,
                   a.Concern, a.StartsAt, a.Status, a.Readiness, a.LabourMinutes, a.Version, c.MobilePhone, c.Email
            FROM ServiceAppointments a JOIN Customers c ON c.Id = a.CustomerId JOIN Vehicles v ON v.Id = a.VehicleId JOIN AspNetUsers u ON u.Id = a.AdvisorStaffId
            WHERE a.SiteId = $s AND a.Date = $d AND a.Status <> 'Cancelled' ORDER BY a.StartsAt, a.Id LIMIT 200
            """, ("$s", site), ("$d", day));
        var items = new List<Dictionary<string, object?>>();
        var byId = new Dictionary<string, Dictionary<string, object?>>();
        await using (var r = await visits.ExecuteReaderAsync())
        {
            while (await r.ReadAsync())
            {
                var startsAt = ReadInstant(r, 8);
                var item = new Dictionary<string, object?>
                {
                    ["id"] = r.GetString(0), ["customerId"] = r.GetString(1), ["customerName"] = r.GetString(2), ["vehicleId"] = r.GetString(3), ["vehicle"] = r.GetString(4),
                    ["advisorStaffId"] = r.GetString(5), ["advisorName"] = r.GetString(6), ["concern"] = r.GetString(7), ["startsAt"] = startsAt,
                    ["localStartsAt"] = TimeZoneInfo.ConvertTimeFromUtc(startsAt, zone), ["status"] = r.GetString(9), ["readiness"] = r.GetString(10),
                    ["labourMinutes"] = r.GetInt32(11), ["version"] = r.GetInt64(12), ["contact"] = r.IsDBNull(13) ? $"Email {r.GetString(14)}" : $"Text {r.GetString(13)}",
                    ["operations"] = new List<object>(), ["parts"] = new List<object>(),
                };
                items.Add(item);
                byId[r.GetString(0)] = item;
            }
        }

        if (items.Count > 0)
        {
            var ids = string.Join(",", byId.Keys.Select(k => $"'{k}'"));
            await using (var operations = Command(db, $"SELECT AppointmentId, Code, Description, LabourMinutes FROM AppointmentOperations WHERE AppointmentId IN ({ids})"))
            await using (var r = await operations.ExecuteReaderAsync())
            {
                while (await r.ReadAsync())
                {
                    ((List<object>)byId[r.GetString(0)]["operations"]!).Add(new { code = r.GetString(1), description = r.GetString(2), labourMinutes = r.GetInt32(3) });
                }
            }

            await using (var lines = Command(db, $"""
                SELECT l.AppointmentId, l.PartNumber, l.Description, l.Quantity, l.State, l.Eta, o.Reference FROM AppointmentPartLines l
                LEFT JOIN PartsOrders o ON o.Id = l.PartsOrderId WHERE l.AppointmentId IN ({ids}) ORDER BY l.PartNumber
                """))
            await using (var r = await lines.ExecuteReaderAsync())
            {
                while (await r.ReadAsync())
                {
                    ((List<object>)byId[r.GetString(0)]["parts"]!).Add(new
                    {
                        partNumber = r.GetString(1), description = r.GetString(2), quantity = r.GetInt32(3), state = r.GetString(4),
                        eta = r.IsDBNull(5) ? null : r.GetString(5), orderReference = r.IsDBNull(6) ? null : r.GetString(6),
                    });
                }
            }
        }

        return Results.Json(new
        {
            date = day, appointments = items.Count,
            partsReady = items.Count(i => (string)i["readiness"]! is "Ready" or "NoParts"),
            checkedIn = items.Count(i => (string)i["status"]! is "CheckedIn" or "InProgress" or "Ready" or "Collected"),
            items,
        }, Json);
    }

    /// <summary>Part lines not yet on the shelf for booked visits at the site: a count and one page by drop-off.</summary>
    private static async Task<IResult> ShortagesAsync(SqliteConnection db, string site, int page, int pageSize)
    {
        const string From = """
            FROM ServiceAppointments a JOIN AppointmentPartLines l ON l.AppointmentId = a.Id JOIN Customers c ON c.Id = a.CustomerId
            WHERE a.SiteId = $s AND a.Status = 'Booked' AND l.State <> 'Reserved'
            """;
        await using var count = Command(db, $"SELECT COUNT(*) {From}", ("$s", site));
        var total = Convert.ToInt32(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        await using var list = Command(db, $"""
            SELECT a.Id, a.StartsAt, a.Date, c.FirstName || ' ' || c.LastName, a.AdvisorStaffId, l.PartId, l.PartNumber, l.Description, l.Quantity, l.State, l.Eta,
                   l.PartsOrderId, a.Readiness = 'AtRisk', EXISTS (SELECT 1 FROM PartsOrders o WHERE o.Id = l.PartsOrderId AND o.Status = 'Draft')
            {From} ORDER BY a.StartsAt, l.PartNumber LIMIT $n OFFSET $o
            """, ("$s", site), ("$n", pageSize), ("$o", (page - 1) * pageSize));
        var items = new List<object>(pageSize);
        await using (var r = await list.ExecuteReaderAsync())
        {
            while (await r.ReadAsync())
            {
                items.Add(new
                {
                    appointmentId = r.GetString(0), startsAt = ReadInstant(r, 1), date = r.GetString(2), customerName = r.GetString(3), advisorStaffId = r.GetString(4),
                    partId = r.GetString(5), partNumber = r.GetString(6), description = r.GetString(7), quantity = r.GetInt32(8), state = r.GetString(9),
                    eta = r.IsDBNull(10) ? null : r.GetString(10), partsOrderId = r.IsDBNull(11) ? null : r.GetString(11), atRisk = r.GetBoolean(12), orderNotSent = r.GetBoolean(13),
                });
            }
        }

        return Results.Json(new { items, page, pageSize, total }, Json);
    }

    private static readonly string[] Milestones = ["Ordered", "FactoryConfirmed", "Built", "InTransit", "ArrivedAtDealership", "PreparedForDelivery"];

    /// <summary>
    /// Record the next milestone, in one transaction: the order's version checked and bumped, the milestone reached,
    /// the customer's message queued in the outbox and the touchpoint on their timeline.
    /// </summary>
    private static async Task<IResult> RecordMilestoneAsync(SqliteConnection db, Guid order, string milestone, string staff)
    {
        var id = order.ToString().ToUpperInvariant();
        var now = DateTime.UtcNow;
        await using var transaction = db.BeginTransaction(deferred: false);
        string status, customer, site, vehicle;
        long version;
        await using (var read = Command(transaction, """
            SELECT o.Status, o.Version, o.CustomerId, o.SiteId, o.OwnerStaffId, o.VehicleYear || ' ' || o.VehicleMake || ' ' || o.VehicleModel FROM Orders o WHERE o.Id = $id
            """, ("$id", id)))
        await using (var r = await read.ExecuteReaderAsync())
        {
            if (!await r.ReadAsync())
            {
                return Results.NotFound();
            }

            if (r.GetString(4) != staff)
            {
                return Results.StatusCode(403);
            }

            (status, version, customer, site, vehicle) = (r.GetString(0), r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetString(5));
        }

        var wanted = Array.FindIndex(Milestones, m => string.Equals(m, milestone, StringComparison.OrdinalIgnoreCase));
        if (wanted < 1 || wanted != Array.IndexOf(Milestones, status) + 1)
        {
            return Results.Conflict(new { title = "Not the next milestone" });
        }

        var name = Milestones[wanted];
        string? recipient, language;
        await using (var contact = Command(transaction, "SELECT MobilePhone, Language FROM Customers WHERE Id = $c", ("$c", customer)))
        await using (var r = await contact.ExecuteReaderAsync())
        {
            await r.ReadAsync();
            (recipient, language) = (r.IsDBNull(0) ? null : r.GetString(0), r.GetString(1));
        }

        var stamp = Instant(now);
        await using (var write = Command(transaction, """
            UPDATE OrderMilestones SET ReachedAt = $now WHERE OrderId = $id AND Milestone = $m;
            UPDATE Orders SET Status = $m, Version = Version + 1, UpdatedAt = $now WHERE Id = $id AND Version = $v;
            INSERT INTO Touchpoints (Id, CustomerId, SiteId, OccurredAt, Kind, Direction, Actor, Proactive, Summary, StaffId, SubjectType, SubjectId)
            VALUES ($t, $c, $s, $now, 'StatusChanged', 'Internal', 'Dealer', 0, $summary, $staff, 'order', $id);
            INSERT INTO Notifications (Id, Attempts, Channel, CreatedAt, CustomerId, DeduplicationKey, DueAt, Language, Proactive, Recipient, SiteId, Status,
                                       TemplateData, TemplateKey, Urgent, Version)
            VALUES ($n, 0, 'Sms', $now, $c, $key, $now, $lang, 1, $to, $s, 'Pending', $data, 'order.milestone', 0, 1);
            """,
            ("$now", stamp), ("$id", id), ("$m", name), ("$v", version), ("$t", Guid.NewGuid().ToString().ToUpperInvariant()), ("$c", customer), ("$s", site),
            ("$summary", $"{name}: {vehicle}"), ("$staff", staff), ("$n", Guid.NewGuid().ToString().ToUpperInvariant()),
            ("$key", $"order/{order}/milestone/{JsonNamingPolicy.CamelCase.ConvertName(name)}"), ("$lang", language), ("$to", recipient),
            ("$data", JsonSerializer.Serialize(new { vehicle, milestone = JsonNamingPolicy.CamelCase.ConvertName(name) }))))
        {
            await write.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        return Results.Json(new { id = order, status = name, version = version + 1 }, Json);
    }

    /// <summary>
    /// Book a visit, in one transaction: the car is the customer's, the advisor has no other drop-off then, the
    /// workshop's day has room (its row version-checked), then the visit, the confirmation in the outbox and the touchpoint.
    /// </summary>
    private static async Task<IResult> BookAsync(SqliteConnection db, string site, string staff, BookingBody body)
    {
        var now = DateTime.UtcNow;
        var (zone, _) = await SiteAsync(db, site);
        var startsAt = DateTime.SpecifyKind(body.StartsAt, DateTimeKind.Utc);
        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(startsAt, zone)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var (customer, vehicle, advisor) = (body.CustomerId.ToString().ToUpperInvariant(), body.VehicleId.ToString().ToUpperInvariant(), body.AdvisorStaffId.ToString().ToUpperInvariant());
        await using var transaction = db.BeginTransaction(deferred: false);
        await using (var check = Command(transaction, """
            SELECT (SELECT COUNT(*) FROM Vehicles WHERE Id = $v AND CustomerId = $c),
                   (SELECT COUNT(*) FROM ServiceAppointments WHERE AdvisorStaffId = $a AND Date = $d AND StartsAt = $at AND Status <> 'Cancelled'),
                   (SELECT COALESCE(SUM(LabourMinutes), 0) FROM ServiceAppointments WHERE AdvisorStaffId = $a AND Date = $d AND Status <> 'Cancelled'),
                   (SELECT BookedMinutes FROM WorkshopDays WHERE SiteId = $s AND Date = $d),
                   (SELECT WorkshopMinutesPerDay FROM Sites WHERE Id = $s),
                   (SELECT MobilePhone FROM Customers WHERE Id = $c)
            """, ("$v", vehicle), ("$c", customer), ("$a", advisor), ("$at", Instant(startsAt)), ("$d", date), ("$s", site)))
        await using (var r = await check.ExecuteReaderAsync())
        {
            await r.ReadAsync();
            if (r.GetInt32(0) == 0)
            {
                return Results.NotFound();
            }

            if (r.GetInt32(1) > 0 || (r.IsDBNull(3) ? 0 : r.GetInt32(3)) + 60 > r.GetInt32(4))
            {
                return Results.Conflict(new { title = "No room" });
            }
        }

        var visit = Guid.NewGuid().ToString().ToUpperInvariant();
        var stamp = Instant(now);
        await using (var write = Command(transaction, """
            INSERT INTO WorkshopDays (Id, SiteId, Date, BookedMinutes, Version) VALUES ($w, $s, $d, 60, 1)
              ON CONFLICT (SiteId, Date) DO UPDATE SET BookedMinutes = BookedMinutes + 60, Version = Version + 1;
            INSERT INTO ServiceAppointments (Id, SiteId, CustomerId, VehicleId, AdvisorStaffId, Concern, StartsAt, Date, WalkIn, LabourMinutes, Status, Readiness,
                                             WaitedForParts, CreatedAt, CreatedBy, Version, BookedByCustomer)
            VALUES ($id, $s, $c, $v, $a, $concern, $at, $d, 0, 60, 'Booked', 'NoParts', 0, $now, $staff, 1, 0);
            INSERT INTO Touchpoints (Id, CustomerId, SiteId, OccurredAt, Kind, Direction, Actor, Proactive, Summary, StaffId, SubjectType, SubjectId)
            VALUES ($t, $c, $s, $now, 'StatusChanged', 'Internal', 'Dealer', 0, 'Service visit booked', $staff, 'appointment', $id);
            INSERT INTO Notifications (Id, Attempts, Channel, CreatedAt, CustomerId, DeduplicationKey, DueAt, Language, Proactive, SiteId, Status,
                                       TemplateData, TemplateKey, Urgent, Version)
            VALUES ($n, 0, 'Sms', $now, $c, $key, $now, 'en', 1, $s, 'Pending', '{}', 'service.booked', 0, 1);
            """,
            ("$w", Guid.NewGuid().ToString().ToUpperInvariant()), ("$s", site), ("$d", date), ("$id", visit), ("$c", customer), ("$v", vehicle), ("$a", advisor),
            ("$concern", body.Concern), ("$at", Instant(startsAt)), ("$now", stamp), ("$staff", staff), ("$t", Guid.NewGuid().ToString().ToUpperInvariant()),
            ("$n", Guid.NewGuid().ToString().ToUpperInvariant()), ("$key", $"appointment/{visit}/booked")))
        {
            await write.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        return Results.Created($"/api/service/appointments/{visit}", new { id = visit, startsAt, date });
    }
}
