using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Dealership.Application.Data;
using Dealership.Application.Demo;
using Dealership.Application.Parts;
using Dealership.Domain.Common;
using Dealership.Domain.Parts;
using Dealership.Domain.Service;
using Mediator;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Dealership.Benchmarks;

// The parts pre-ordering job over N upcoming appointments (default 10,000) with K part lines each (default 3,
// so 30,000 lines) on SQLite. Prints the run time and the number of queries and other commands, then a
// raw baseline from the same run: hand-written SQL that reads the same lines and writes one UPDATE per line
// in one transaction (the least any implementation must do), and the ratio. A second run shows the cost of
// an idempotent re-run (nothing left to do).
internal static class PartsPlanningBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        var appointments = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        var linesEach = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        var dataDirectory = Path.Combine(Path.GetTempPath(), "dealership-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        var databasePath = Path.Combine(dataDirectory, "dealership.db");
        var counter = new Counter();
        await using var app = new BenchmarkApp(dataDirectory, databasePath, counter);
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(CancellationToken.None);
        }

        var seeding = Stopwatch.StartNew();
        await SeedAsync(app, appointments, linesEach);
        Console.WriteLine($"Seeded {appointments:N0} appointments with {appointments * linesEach:N0} part lines in {seeding.Elapsed.TotalSeconds:0.0} s ({Environment.ProcessorCount} cores)");

        var baseline = await RawBaselineAsync(databasePath);

        counter.Armed = true;
        var run = Stopwatch.StartNew();
        PlanningReport report;
        using (var scope = app.Services.CreateScope())
        {
            report = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new RunPartsPlanning.Command(null));
        }

        run.Stop();
        var (selects, others) = (counter.Selects, counter.Others);
        counter.Reset();
        var rerun = Stopwatch.StartNew();
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new RunPartsPlanning.Command(null));
        }

        rerun.Stop();
        Console.WriteLine();
        Console.WriteLine($"planning run          {run.Elapsed.TotalMilliseconds,10:N0} ms  {selects,6} queries  {others,7:N0} other commands");
        Console.WriteLine($"  {report.Appointments:N0} appointments: {report.LinesReserved:N0} lines reserved, {report.LinesOrdered:N0} ordered on {report.OrdersCreated} new orders ({report.OrdersSent} sent), {report.BecameAtRisk:N0} at risk");
        Console.WriteLine($"idempotent re-run     {rerun.Elapsed.TotalMilliseconds,10:N0} ms  {counter.Selects,6} queries  {counter.Others,7:N0} other commands");
        Console.WriteLine($"raw baseline          {baseline.TotalMilliseconds,10:N0} ms  (read the lines, one UPDATE per line, one transaction)");
        Console.WriteLine($"ratio run/baseline    {run.Elapsed.TotalMilliseconds / baseline.TotalMilliseconds,10:0.0}x");
    }

    private static async Task SeedAsync(BenchmarkApp app, int count, int linesEach)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DealershipDbContext>();
        var site = await db.Sites.SingleAsync(s => s.Code == "PDX");
        var advisor = await db.Users.Where(u => u.Email == "service@demo.local").Select(u => u.Id).SingleAsync();
        var suppliers = await db.Suppliers.Select(s => s.Id).ToListAsync();
        var vehicles = await db.Vehicles.Select(v => new { v.Id, v.CustomerId }).ToListAsync();

        // 300 part numbers: most stocked, some with no stock, every one from one to three suppliers.
        var parts = new List<Part>();
        for (var p = 0; p < 300; p++)
        {
            var part = new Part(site.Id, string.Create(CultureInfo.InvariantCulture, $"BENCH-{p:0000}"), $"Benchmark part {p}", onHand: p % 4 == 0 ? 0 : 20 + (p % 50), new Money(1_000 + p, site.Currency));
            for (var s = 0; s <= p % 3; s++)
            {
                part.SetSupplier(suppliers[(p + s) % suppliers.Count], leadTimeWorkingDays: 1 + ((p + s) % 12), new Money(500 + (s * 40), site.Currency));
            }

            parts.Add(part);
        }

        db.Parts.AddRange(parts);
        await db.SaveChangesAsync();

        var today = DateOnly.FromDateTime(site.ToLocal(DateTime.UtcNow));
        const int batch = 2_000;
        for (var start = 0; start < count; start += batch)
        {
            db.ChangeTracker.Clear();
            for (var i = start; i < Math.Min(count, start + batch); i++)
            {
                var owner = vehicles[i % vehicles.Count];
                var date = today.AddDays(1 + (i % 20));
                var lines = Enumerable.Range(0, linesEach).Select(k => parts[((i * 7) + (k * 31)) % parts.Count])
                    .DistinctBy(p => p.Id).Select(p => new AppointmentPartLine(p.Id, p.PartNumber, p.Description, 1 + (i % 2)));
                var appointment = new ServiceAppointment(site.Id, owner.CustomerId, owner.Id, advisor, "Benchmark visit", site.ToUtc(date.ToDateTime(new TimeOnly(9, 0))), date,
                    walkIn: false, [new AppointmentOperation("BENCH", "Benchmark", 60)], lines, advisor, DateTime.UtcNow);
                appointment.ClearDomainEvents();
                db.Appointments.Add(appointment);
            }

            await db.SaveChangesAsync();
        }
    }

    /// <summary>The least work: read every unplanned line in the horizon, then update each line once, in one transaction.</summary>
    internal static async Task<TimeSpan> RawBaselineAsync(string databasePath)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath}");
        await connection.OpenAsync();
        var watch = Stopwatch.StartNew();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var ids = new List<long>();
        await using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = """
                SELECT l.Id, l.PartId, l.Quantity FROM AppointmentPartLines l
                JOIN ServiceAppointments a ON a.Id = l.AppointmentId
                WHERE a.Status = 'Booked' AND a.Readiness = 'Planning' AND l.State = 'Needed'
                ORDER BY a.StartsAt
                """;
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                ids.Add(reader.GetInt64(0));
            }
        }

        await using (var update = connection.CreateCommand())
        {
            update.Transaction = transaction;
            update.CommandText = "UPDATE AppointmentPartLines SET State = State WHERE Id = @id";
            var id = update.Parameters.Add("@id", SqliteType.Integer);
            foreach (var line in ids)
            {
                id.Value = line;
                await update.ExecuteNonQueryAsync();
            }
        }

        await transaction.RollbackAsync();
        return watch.Elapsed;
    }

    /// <summary>Every command EF sends to the database (a round trip, in process for SQLite), once armed.</summary>
    internal sealed class Counter : DbCommandInterceptor
    {
        public bool Armed { get; set; }

        public int Selects { get; private set; }

        public int Others { get; private set; }

        public void Reset() => (Selects, Others) = (0, 0);

        public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            Count(command);
            return base.ReaderExecutedAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            Count(command);
            return base.NonQueryExecutedAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
        {
            Count(command);
            return base.ScalarExecutedAsync(command, eventData, result, cancellationToken);
        }

        private void Count(DbCommand command)
        {
            if (!Armed)
            {
                return;
            }

            if (command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase))
            {
                Selects++;
            }
            else
            {
                Others++;
            }
        }
    }
}
