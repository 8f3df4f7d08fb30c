using Dealership.Application.Orders;
using Dealership.Domain.Orders;

namespace Dealership.Application.Analytics;

/// <summary>
/// A span of whole days in a site's time zone, as UTC instants [Start, End): what a manager means by "November".
/// Unset ends default to today and a number of days back.
/// </summary>
public sealed record AnalyticsWindow(DateOnly From, DateOnly To, DateTime Start, DateTime End)
{
    public static AnalyticsWindow For(Domain.Sites.Site site, DateOnly? from, DateOnly? to, int defaultDays, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(site);
        var last = to ?? DateOnly.FromDateTime(site.ToLocal(now));
        var first = from ?? last.AddDays(-(defaultDays - 1));
        return new(first, last, site.ToUtc(first.ToDateTime(TimeOnly.MinValue)), site.ToUtc(last.AddDays(1).ToDateTime(TimeOnly.MinValue)));
    }
}

/// <summary>One stretch of a subject's life in one stage, and how long the customer may go without hearing from us in it.</summary>
public sealed record StageSpan(string Stage, DateTime Start, DateTime End, TimeSpan Limit);

/// <summary>
/// A stretch without a word from the dealer. <see cref="Stage"/> is where it went over the limit (at
/// <see cref="BreachedAt"/>), or where it began; <see cref="FromStage"/> and <see cref="ToStage"/> say what it spanned.
/// </summary>
public sealed record SilenceGap(string Stage, DateTime From, DateTime To, bool OverLimit)
{
    public TimeSpan Length => To - From;

    public DateTime? BreachedAt { get; init; }

    public string FromStage { get; init; } = "";

    public string ToStage { get; init; } = "";
}

/// <summary>
/// The arithmetic behind the journey dashboard and the journey page, apart from the queries so that it can be
/// checked with exact numbers.
/// </summary>
public static class JourneyMath
{
    /// <summary>
    /// The silences in one subject's life (an order from placement to handover): the stretches between the
    /// dealer's contacts, starting at the first stage and ending at the last stage's end. A stretch is over the
    /// limit when, at some moment inside it, the wait so far exceeded the limit of the stage the subject was in
    /// then: the same test the watchdog applies, so the dashboard and the alerts never disagree. A silence that
    /// began before a car arrived and lasted past it is judged by the arrival's stricter limit from then on.
    /// </summary>
    public static IReadOnlyList<SilenceGap> Gaps(IReadOnlyList<StageSpan> stages, IEnumerable<DateTime> dealerContacts)
    {
        if (stages.Count == 0)
        {
            return [];
        }

        var start = stages[0].Start;
        var end = stages[^1].End;
        if (end <= start)
        {
            return [];
        }

        var points = new List<DateTime> { start };
        points.AddRange(dealerContacts.Where(c => c > start && c < end).Order());
        points.Add(end);

        var gaps = new List<SilenceGap>(points.Count - 1);
        for (var i = 1; i < points.Count; i++)
        {
            var from = points[i - 1];
            var to = points[i];
            if (to <= from)
            {
                continue;
            }

            StageSpan? breached = null;
            DateTime? breachedAt = null;
            foreach (var span in stages)
            {
                if (span.End <= from || span.Start >= to)
                {
                    continue;
                }

                var edge = span.End < to ? span.End : to;
                if (edge - from > span.Limit)
                {
                    breached = span;
                    // The moment the wait went past this stage's limit: its limit after the last word, but not before the stage began.
                    breachedAt = from + span.Limit > span.Start ? from + span.Limit : span.Start;
                    break;
                }
            }

            var first = stages.LastOrDefault(s => s.Start <= from) ?? stages[0];
            var last = stages.LastOrDefault(s => s.Start < to) ?? first;
            gaps.Add(new SilenceGap((breached ?? first).Stage, from, to, breached is not null) { BreachedAt = breachedAt, FromStage = first.Stage, ToStage = last.Stage });
        }

        return gaps;
    }

    /// <summary>
    /// An order's life as stages, from its placement to its handover, cancellation or <paramref name="until"/>,
    /// whichever is first, each with the silence limit of <see cref="OrderPolicy"/>. A skipped milestone simply
    /// leaves its stage out.
    /// </summary>
    public static List<StageSpan> OrderStages(DateTime createdAt, DateTime? cancelledAt, IReadOnlyList<(OrderMilestone Milestone, DateTime At)> reached,
        DateTime until, OrderPolicy policy)
    {
        var delivered = reached.Where(r => r.Milestone == OrderMilestone.Delivered).Select(r => (DateTime?)r.At).FirstOrDefault();
        var lifeEnd = new[] { delivered, cancelledAt, until }.Where(d => d is not null).Min()!.Value;
        var starts = reached.Where(r => r.Milestone != OrderMilestone.Delivered).OrderBy(r => r.Milestone).ToList();
        if (starts.Count == 0 || starts[0].Milestone != OrderMilestone.Ordered)
        {
            starts.Insert(0, (OrderMilestone.Ordered, createdAt));
        }

        var spans = new List<StageSpan>(starts.Count);
        for (var i = 0; i < starts.Count; i++)
        {
            var spanEnd = i + 1 < starts.Count ? starts[i + 1].At : lifeEnd;
            if (spanEnd > starts[i].At)
            {
                spans.Add(new StageSpan(VehicleOrder.Describe(starts[i].Milestone), starts[i].At, spanEnd, policy.SilenceLimit(starts[i].Milestone)));
            }
        }

        return spans;
    }

    /// <summary>The value below which <paramref name="fraction"/> of the values lie (nearest rank); null for none.</summary>
    public static double? Percentile(IReadOnlyCollection<double> values, double fraction)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(fraction * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }

    /// <summary>A share as a whole-number-friendly fraction, null when there is nothing to divide.</summary>
    public static double? Share(int part, int whole) => whole == 0 ? null : (double)part / whole;
}
