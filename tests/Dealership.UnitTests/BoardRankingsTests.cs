using Dealership.Application.Orders;
using Microsoft.Extensions.Time.Testing;

namespace Dealership.UnitTests;

/// <summary>The deliveries board's kept ranking: used for a few seconds, dropped at once when its site's orders change.</summary>
public sealed class BoardRankingsTests
{
    private static readonly Guid Portland = Guid.NewGuid();
    private static readonly Guid Seattle = Guid.NewGuid();
    private static readonly BoardRankings.Key Site = new(Portland, null, new DateOnly(2026, 11, 30));

    private FakeTimeProvider _clock = null!;
    private int _ranked;

    // NUnit runs every test of a fixture on one instance.
    [SetUp]
    public void Reset() => (_clock, _ranked) = (new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 18, 0, 0, TimeSpan.Zero)), 0);

    private Task<IReadOnlyList<GetDeliveriesBoard.Ranked>> RankAsync()
    {
        var rank = Interlocked.Increment(ref _ranked);
        return Task.FromResult<IReadOnlyList<GetDeliveriesBoard.Ranked>>([new GetDeliveriesBoard.Ranked(Guid.NewGuid(), rank, null, DateTime.UnixEpoch)]);
    }

    [Test]
    public async Task ARanking_IsKeptForAFewSeconds_PerSitePersonAndDay()
    {
        var rankings = new BoardRankings(_clock);
        var first = await rankings.GetAsync(Site, RankAsync, CancellationToken.None);
        Assert.That(await rankings.GetAsync(Site, RankAsync, CancellationToken.None), Is.SameAs(first));
        Assert.That(_ranked, Is.EqualTo(1));

        await rankings.GetAsync(Site with { OwnerStaffId = Guid.NewGuid() }, RankAsync, CancellationToken.None);
        await rankings.GetAsync(Site with { Today = Site.Today.AddDays(1) }, RankAsync, CancellationToken.None);
        Assert.That(_ranked, Is.EqualTo(3), "one person's board and tomorrow's are rankings of their own");

        _clock.Advance(BoardRankings.KeptFor - TimeSpan.FromMilliseconds(1));
        Assert.That(await rankings.GetAsync(Site, RankAsync, CancellationToken.None), Is.SameAs(first));
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.That(await rankings.GetAsync(Site, RankAsync, CancellationToken.None), Is.Not.SameAs(first), "the clock moves orders into late or silent");
        Assert.That(rankings.Computed, Is.EqualTo(4));
    }

    [Test]
    public async Task AChangeAtTheSite_DropsItsRankings_AndOnlyIts()
    {
        var rankings = new BoardRankings(_clock);
        var seattle = Site with { SiteId = Seattle };
        var portland = await rankings.GetAsync(Site, RankAsync, CancellationToken.None);
        var kept = await rankings.GetAsync(seattle, RankAsync, CancellationToken.None);

        rankings.Changed([Portland]);
        Assert.That(await rankings.GetAsync(Site, RankAsync, CancellationToken.None), Is.Not.SameAs(portland));
        Assert.That(await rankings.GetAsync(seattle, RankAsync, CancellationToken.None), Is.SameAs(kept), "another site's change leaves this one");

        rankings.Changed([null]);
        Assert.That(await rankings.GetAsync(seattle, RankAsync, CancellationToken.None), Is.Not.SameAs(kept), "a change at no known site drops every site's");
        Assert.That(_ranked, Is.EqualTo(4));
    }

    [Test]
    public async Task ManyRequestsAtOnce_ShareOneQuery_AndAFailedOneIsNotKept()
    {
        var rankings = new BoardRankings(_clock);
        var held = new TaskCompletionSource<IReadOnlyList<GetDeliveriesBoard.Ranked>>();
        var running = rankings.GetAsync(Site, () =>
        {
            Interlocked.Increment(ref _ranked);
            return held.Task;
        }, CancellationToken.None);
        var waiting = Enumerable.Range(0, 5).Select(_ => rankings.GetAsync(Site, RankAsync, CancellationToken.None)).ToList();
        Assert.That(waiting.All(w => !w.IsCompleted), Is.True, "they wait for the query already running");
        Assert.That(_ranked, Is.EqualTo(1), "one query for six requests");

        held.SetException(new InvalidOperationException("the first request's connection went away"));
        Assert.ThrowsAsync<InvalidOperationException>(async () => await running);
        await Task.WhenAll(waiting);
        Assert.That(_ranked, Is.EqualTo(6), "each waiting request ranked for itself when the shared query failed");

        await rankings.GetAsync(Site, RankAsync, CancellationToken.None);
        Assert.That(_ranked, Is.EqualTo(7), "no ranking was kept from the failure");
    }

    [Test]
    public async Task AChangeSavedWhileARankingRuns_LeavesThatRankingUnused()
    {
        var rankings = new BoardRankings(_clock);
        var held = new TaskCompletionSource<IReadOnlyList<GetDeliveriesBoard.Ranked>>();
        var running = rankings.GetAsync(Site, () => held.Task, CancellationToken.None);

        // The query read the orders before the change committed; its answer is given to its own request only.
        rankings.Changed([Portland]);
        var before = new List<GetDeliveriesBoard.Ranked> { new(Guid.NewGuid(), 0, null, DateTime.UnixEpoch) };
        held.SetResult(before);
        Assert.That(await running, Is.SameAs(before));
        Assert.That(await rankings.GetAsync(Site, RankAsync, CancellationToken.None), Is.Not.SameAs(before));
        Assert.That(_ranked, Is.EqualTo(1));
    }

    [Test]
    public async Task WhileARankingThatOnlyAgedIsWorkedOutAgain_OthersAreGivenTheAgedOne_ButNotAfterAChangeOrOnceTooOld()
    {
        var rankings = new BoardRankings(_clock);
        var aged = await rankings.GetAsync(Site, RankAsync, CancellationToken.None);
        _clock.Advance(BoardRankings.KeptFor);

        var held = new TaskCompletionSource<IReadOnlyList<GetDeliveriesBoard.Ranked>>();
        var refreshing = rankings.GetAsync(Site, () => held.Task, CancellationToken.None);
        Assert.That(await rankings.GetAsync(Site, RankAsync, CancellationToken.None), Is.SameAs(aged), "nothing changed: no need to wait");
        var fresh = new List<GetDeliveriesBoard.Ranked>();
        held.SetResult(fresh);
        Assert.That(await refreshing, Is.SameAs(fresh));
        Assert.That(await rankings.GetAsync(Site, RankAsync, CancellationToken.None), Is.SameAs(fresh));

        // After a change nobody is given the old ranking: they wait for the one taken after it.
        _clock.Advance(BoardRankings.KeptFor);
        rankings.Changed([Portland]);
        Assert.That(await WaitsForTheNextAsync(rankings), Is.True, "after a change");

        // Nor once the kept one is older than twice the time a ranking is kept.
        _clock.Advance(BoardRankings.KeptFor * 2);
        Assert.That(await WaitsForTheNextAsync(rankings), Is.True, "twenty seconds on");
        Assert.That(_ranked, Is.EqualTo(1));
    }

    /// <summary>Starts a ranking held open, then asks again: true when that second request waits for it.</summary>
    private static async Task<bool> WaitsForTheNextAsync(BoardRankings rankings)
    {
        var held = new TaskCompletionSource<IReadOnlyList<GetDeliveriesBoard.Ranked>>();
        var running = rankings.GetAsync(Site, () => held.Task, CancellationToken.None);
        var second = rankings.GetAsync(Site, () => throw new AssertionException("the second request should not rank"), CancellationToken.None);
        var waited = !second.IsCompleted;
        var next = new List<GetDeliveriesBoard.Ranked>();
        held.SetResult(next);
        await running;
        return waited && ReferenceEquals(await second, next);
    }
}
