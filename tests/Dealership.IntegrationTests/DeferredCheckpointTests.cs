using System.Globalization;
using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Domain.Journey;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dealership.IntegrationTests;

/// <summary>
/// A commit that wrote rows in bulk leaves the copy of SQLite's log into the file to a background checkpoint, out of
/// the write gate (ADR 0028); every other commit keeps SQLite's own checkpoint, and so does the connection afterwards.
/// </summary>
public sealed class DeferredCheckpointTests : FreshAppTests
{
    [Test]
    public async Task ABulkSave_IsCheckpointedInTheBackground_AndTheConnectionGetsSqlitesOwnCheckpointBack()
    {
        var who = await Arrange.CustomerWithCarAsync(App);
        var site = await App.SiteIdAsync("PDX");
        var checkpoints = App.Services.GetRequiredService<DeferredCheckpoints>();
        var before = checkpoints.Completed;

        using var scope = App.Services.CreateScope();
        var unit = scope.ServiceProvider.GetRequiredService<UnitOfWork>();
        var db = scope.ServiceProvider.GetRequiredService<DealershipDbContext>();
        await unit.ExecuteAsync(async () =>
        {
            AddNotes(db, who.CustomerId, site, SqliteBulkInsertThreshold + 10);
            await unit.SaveAsync(CancellationToken.None);
        }, CancellationToken.None);

        Assert.That(await AutomaticCheckpointPagesAsync(db), Is.EqualTo(1000), "the connection goes back to the pool with SQLite's default");
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (checkpoints.Completed == before)
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "no background checkpoint followed the bulk commit");
            await Task.Delay(50);
        }

        Assert.That(await App.QueryAsync(d => d.Touchpoints.CountAsync(t => t.CustomerId == who.CustomerId && t.Summary == "bulk note")),
            Is.EqualTo(SqliteBulkInsertThreshold + 10));
    }

    [TestCase(1, false)]
    [TestCase(SqliteBulkInsertThreshold + 10, true)]
    public async Task OnlyACommitThatWroteInBulk_DefersTheCheckpoint(int rows, bool deferred)
    {
        var who = await Arrange.CustomerWithCarAsync(App);
        var site = await App.SiteIdAsync("PDX");
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DealershipDbContext>();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            AddNotes(db, who.CustomerId, site, rows);
            await db.SaveChangesAsync();
            await db.CommitAsync(transaction, CancellationToken.None);
        }

        Assert.That(db.TakeDeferredCheckpoint(), Is.EqualTo(deferred));
        Assert.That(db.TakeDeferredCheckpoint(), Is.False, "taken once");
        Assert.That(await AutomaticCheckpointPagesAsync(db), Is.EqualTo(1000));
    }

    /// <summary>SqliteBulkInsert.Threshold: fewer new rows of a table go through EF as usual.</summary>
    private const int SqliteBulkInsertThreshold = 50;

    private void AddNotes(DealershipDbContext db, Guid customerId, Guid siteId, int count)
    {
        for (var i = 0; i < count; i++)
        {
            db.Touchpoints.Add(new Touchpoint(customerId, siteId, App.Clock.GetUtcNow().UtcDateTime, TouchpointKind.StaffNote, TouchpointDirection.Internal,
                TouchpointActor.Dealer, proactive: false, "bulk note"));
        }
    }

    private static async Task<int> AutomaticCheckpointPagesAsync(DealershipDbContext db)
    {
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA wal_autocheckpoint;";
        return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
