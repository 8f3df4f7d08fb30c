using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Dealership.Application.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using static Dealership.IntegrationTests.ServiceTestKit;

namespace Dealership.IntegrationTests;

/// <summary>
/// A write reads each fact once in its unit: its handler, its answer's view and its events' messages share the site,
/// the staff names, the customer and the car instead of each asking again. A booking holds SQLite's write lock for
/// its whole unit, so every statement repeated there was paid by every booking behind it (issue #14: 30 statements
/// at the start of session 23, 15 now).
/// </summary>
public sealed class ReadsOnceTests : FreshAppTests
{
    private readonly StatementRecorder _statements = new();

    // Jobs are recorded, not run: a job kicked by an earlier step must not share the window (or a pooled context) with the unit.
    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<Hangfire.IBackgroundJobClient>(new Fakes.RecordingJobClient());
        services.ConfigureDbContext<DealershipDbContext>(o => o.AddInterceptors(_statements));
    }

    [Test]
    public async Task ABooking_ReadsEachFactOnce()
    {
        var who = await Arrange.CustomerWithCarAsync(App);
        using var advisor = await App.ServiceAsync();

        _statements.Start();
        var response = await advisor.PostAsJsonAsync("/api/service/appointments",
            new { customerId = who.CustomerId, vehicleId = who.VehicleId, concern = "Oil change", operationCodes = new[] { "OIL-SVC" }, startsAt = Portland(30, 10) });
        _statements.Stop();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var unit = _statements.OfTheUnitThatRan("INSERT INTO \"ServiceAppointments\"");
        var reads = unit.Where(s => s.StartsWith("SELECT", StringComparison.Ordinal)).ToList();
        var all = string.Join("\n\n", reads);
        Assert.That(reads, Is.Unique, "a statement ran twice with the same values:\n" + all);
        // Each fact once, whichever part of the unit needs it (the handler, the view, the confirmation): different queries
        // for the same fact never look alike, so they are counted by what they read.
        Assert.That(From(reads, "Sites"), Is.EqualTo(1), all);
        Assert.That(From(reads, "Customers"), Is.EqualTo(1), all);
        Assert.That(From(reads, "Vehicles"), Is.EqualTo(1), all);
        // The person booking (the signed-in check) and the site's advisors with their names.
        Assert.That(From(reads, "AspNetUsers"), Is.EqualTo(2), all);
        // The staff member, the site, the customer, the car, the car's open visits, the site's advisors, the catalogue, the
        // parts, the workshop's day, the advisor's day, opted-out numbers, messages already queued, open decisions.
        Assert.That(reads, Has.Count.LessThanOrEqualTo(13), all);
    }

    [Test]
    public async Task AMilestone_ReadsEachFactOnce_ButTheLateTasksTwice()
    {
        var who = await Arrange.CustomerWithCarAsync(App);
        var order = await Arrange.OrderAsync(App, who, new Dictionary<string, int> { ["arrivedAtDealership"] = 30 });
        using var sales = await App.SalesAsync();

        _statements.Start();
        var response = await sales.PostAsJsonAsync($"/api/orders/{order}/milestones", new { milestone = "factoryConfirmed" });
        _statements.Stop();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var unit = _statements.OfTheUnitThatRan("UPDATE \"Orders\"");
        // Late tasks are looked for again just before the save, on purpose: the milestone reads before the write lock,
        // and the watchdog may raise one meanwhile (ADR 0027).
        var reads = unit.Where(s => s.StartsWith("SELECT", StringComparison.Ordinal) && !s.Contains("FROM \"Tasks\"", StringComparison.Ordinal)).ToList();
        var all = string.Join("\n\n", reads);
        Assert.That(reads, Is.Unique, "a statement ran twice with the same values:\n" + all);
        Assert.That(From(reads, "Sites"), Is.EqualTo(1), all);
        // The person recording it, who owns the order (the signed-in check names them for the view and the message), and
        // the collection booking's recorder inside the booking's own query.
        Assert.That(From(reads, "AspNetUsers"), Is.EqualTo(2), all);
        // Read twice still: the view's name, then the message's whole customer (consent, channels, language).
        Assert.That(From(reads, "Customers"), Is.EqualTo(2), all);
        Assert.That(reads, Has.Count.LessThanOrEqualTo(10), all);
        Assert.That(unit.Count(s => s.Contains("FROM \"Tasks\"", StringComparison.Ordinal)), Is.EqualTo(2));
    }

    private static int From(List<string> reads, string table) => reads.Count(s => s.Contains($"FROM \"{table}\"", StringComparison.Ordinal));

    /// <summary>
    /// Every statement with its values, by the context that ran it. The unit under test is told apart from any job running
    /// meanwhile by its context: the pooled context a request leases is its own until the request ends.
    /// </summary>
    private sealed class StatementRecorder : DbCommandInterceptor
    {
        private readonly ConcurrentQueue<(DbContext? Context, string Statement)> _ran = new();
        private volatile bool _recording;

        public void Start()
        {
            _ran.Clear();
            _recording = true;
        }

        public void Stop() => _recording = false;

        /// <summary>The statements of the context that ran <paramref name="marker"/>, up to the end of the save it was part of.</summary>
        public List<string> OfTheUnitThatRan(string marker)
        {
            var ran = _ran.ToList();
            var context = ran.Last(r => r.Statement.Contains(marker, StringComparison.Ordinal)).Context;
            var mine = ran.Where(r => ReferenceEquals(r.Context, context)).Select(r => r.Statement).ToList();
            var end = mine.FindLastIndex(s => s.Contains(marker, StringComparison.Ordinal));
            while (end + 1 < mine.Count && !mine[end + 1].StartsWith("SELECT", StringComparison.Ordinal))
            {
                end++;
            }

            return mine.Take(end + 1).ToList();
        }

        private void Record(DbCommand command, CommandEventData data)
        {
            if (_recording)
            {
                var values = string.Join(", ", command.Parameters.Cast<DbParameter>()
                    .Select(p => $"{p.ParameterName}={Convert.ToString(p.Value, CultureInfo.InvariantCulture)}"));
                _ran.Enqueue((data.Context, $"{command.CommandText.Trim()}\n-- {values}"));
            }
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Record(command, eventData);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Record(command, eventData);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            Record(command, eventData);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result,
            CancellationToken cancellationToken = default)
        {
            Record(command, eventData);
            return ValueTask.FromResult(result);
        }
    }
}
