using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Domain.Sites;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Sites;

/// <summary>The sites the caller works at, with their market settings; the current one is flagged.</summary>
public static class ListMySites
{
    [Allowed(Access.AnyStaff)]
    public sealed record Query : IQuery<IReadOnlyList<SiteView>>;

    public sealed record SiteView(
        Guid Id,
        string Code,
        string Name,
        string TimeZoneId,
        string Currency,
        DistanceUnit DistanceUnit,
        string DefaultPhoneRegion,
        IReadOnlyList<string> Languages,
        IReadOnlyList<OpeningHoursView> OpeningHours,
        WorkshopView Workshop,
        bool IsCurrent)
    {
        /// <summary>Sales tax (basis points), whether a trade-in reduces the taxable price, and the payoff and cancellation deadlines.</summary>
        public DealRulesView? DealRules { get; init; }

        /// <summary>The ways of paying the site takes, its cash limit and how many business days a check takes to clear.</summary>
        public PaymentTermsView? PaymentTerms { get; init; }

        /// <summary>When customers get no messages (site time) unless they set their own hours or asked for an answer.</summary>
        public QuietHoursView? QuietHours { get; init; }

        /// <summary>Handover bays and how long one collection takes: what customers' collection slots are made of.</summary>
        public HandoverView? Handover { get; init; }

        /// <summary>The phone, email and address customers see for the site.</summary>
        public ContactView? Contact { get; init; }

        public long Version { get; init; }

        public static SiteView From(Site site, bool isCurrent)
        {
            ArgumentNullException.ThrowIfNull(site);
            return new SiteView(site.Id, site.Code, site.Name, site.TimeZoneId, site.Currency, site.DistanceUnit, site.DefaultPhoneRegion,
                site.LanguageList,
                site.OpeningHours.OrderBy(h => ((int)h.Day + 6) % 7).Select(h => new OpeningHoursView(h.Day, h.Opens, h.Closes)).ToList(),
                new WorkshopView(site.WorkshopMinutesPerDay, site.AdvisorMinutesPerDay, site.ServiceSlotMinutes, site.LabourRatePerHour),
                isCurrent)
            {
                DealRules = new DealRulesView(site.SalesTaxBasisPoints, site.TradeInReducesTax, site.LienholderNoticeDays, site.PayoffDays, site.CancellationWindowDays),
                PaymentTerms = PaymentTermsView.From(site.PaymentTerms),
                QuietHours = new QuietHoursView(site.QuietHoursStart, site.QuietHoursEnd),
                Handover = new HandoverView(site.DeliveryBays, site.CollectionMinutes),
                Contact = new ContactView(site.PublicPhone, site.PublicEmail, site.Address),
                Version = site.Version,
            };
        }
    }

    public sealed record QuietHoursView(TimeOnly Start, TimeOnly End);

    public sealed record HandoverView(int DeliveryBays, int CollectionMinutes);

    public sealed record ContactView(string? Phone, string? Email, string? Address);

    public sealed record DealRulesView(int SalesTaxBasisPoints, bool TradeInReducesTax, int LienholderNoticeDays, int PayoffDays, int CancellationWindowDays);

    public sealed record PaymentTermsView(IReadOnlyList<Domain.Orders.PaymentMethod> Accepted, long CashLimit, int CheckClearanceDays)
    {
        public static PaymentTermsView From(Domain.Sites.PaymentTerms terms)
        {
            ArgumentNullException.ThrowIfNull(terms);
            return new(terms.Accepted, terms.CashLimit.Amount, terms.CheckClearanceDays);
        }
    }

    /// <summary>Workshop capacity per day and per advisor (labour minutes), drop-off slot spacing, labour rate per hour (minor units).</summary>
    public sealed record WorkshopView(int CapacityMinutesPerDay, int AdvisorMinutesPerDay, int SlotMinutes, long LabourRatePerHour);

    public sealed record OpeningHoursView(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes);

    public sealed class Handler(DealershipDbContext db, ICurrentStaff staff) : IQueryHandler<Query, IReadOnlyList<SiteView>>
    {
        public async ValueTask<IReadOnlyList<SiteView>> Handle(Query query, CancellationToken cancellationToken)
        {
            var ids = staff.SiteIds.ToList();
            var sites = await db.Sites.AsNoTracking().Where(s => ids.Contains(s.Id)).OrderBy(s => s.Name).ToListAsync(cancellationToken);
            return sites.Select(s => SiteView.From(s, s.Id == staff.SiteId)).ToList();
        }
    }
}
