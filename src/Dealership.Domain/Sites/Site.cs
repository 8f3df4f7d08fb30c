using Dealership.Domain.Common;

namespace Dealership.Domain.Sites;

/// <summary>
/// A rooftop of the dealership group. Orders, appointments, stock and custody belong to a site; customers
/// belong to the group. Everything that differs between markets (currency, distance unit, phone region,
/// languages, time zone) is a setting of the site, never a constant in code.
/// </summary>
public sealed class Site : AggregateRoot
{
    private readonly List<OpeningHours> _openingHours = [];

    private Site() { }

    public Site(string code, string name, string timeZoneId, string currency, DistanceUnit distanceUnit,
        string defaultPhoneRegion, IEnumerable<string> languages)
    {
        Code = Require(code, nameof(code)).ToUpperInvariant();
        Name = Require(name, nameof(name));
        SetTimeZone(timeZoneId);
        Currency = Money.Zero(currency).Currency;
        DistanceUnit = distanceUnit;
        DefaultPhoneRegion = Require(defaultPhoneRegion, nameof(defaultPhoneRegion)).ToUpperInvariant();
        var list = languages.Select(l => l.Trim().ToLowerInvariant()).Where(l => l.Length > 0).Distinct().ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("A site needs at least one language.", nameof(languages));
        }

        Languages = string.Join(',', list);
    }

    /// <summary>Short code used in references and URLs, for example "PDX".</summary>
    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    /// <summary>IANA time zone id, for example "America/Los_Angeles". Calendar dates are read in it.</summary>
    public string TimeZoneId { get; private set; } = "";

    /// <summary>ISO 4217 code prices at this site are in.</summary>
    public string Currency { get; private set; } = "";

    public DistanceUnit DistanceUnit { get; private set; }

    /// <summary>ISO 3166 region used to read phone numbers typed without a country code.</summary>
    public string DefaultPhoneRegion { get; private set; } = "";

    /// <summary>Comma-separated language codes, the first being the default ("en,es").</summary>
    public string Languages { get; private set; } = "";

    public IReadOnlyList<string> LanguageList => Languages.Split(',');

    public string DefaultLanguage => LanguageList[0];

    public IReadOnlyList<OpeningHours> OpeningHours => _openingHours;

    /// <summary>Handover bays: how many collections can happen at the same time.</summary>
    public int DeliveryBays { get; private set; } = 2;

    /// <summary>How long a collection appointment takes (walk-round, paperwork, handover).</summary>
    public int CollectionMinutes { get; private set; } = 60;


    /// <summary>Labour the workshop can take per day, in minutes (technicians × productive hours).</summary>
    public int WorkshopMinutesPerDay { get; private set; } = 1920;

    /// <summary>Labour one service advisor can look after per day, in minutes: what they can check in, follow and hand back.</summary>
    public int AdvisorMinutesPerDay { get; private set; } = 960;

    /// <summary>Drop-off slots are this far apart (one car per advisor per slot).</summary>
    public int ServiceSlotMinutes { get; private set; } = 30;

    /// <summary>Labour rate per hour in minor units of <see cref="Currency"/>.</summary>
    public long LabourRatePerHour { get; private set; } = 15_000;

    /// <summary>
    /// Quiet hours for customers who set none of their own (site time by default 8 PM to 8 AM): no message
    /// reaches them then, except an answer to something they just did or said (<see cref="Notifications.QuietHours"/>).
    /// </summary>
    public TimeOnly QuietHoursStart { get; private set; } = new(20, 0);

    public TimeOnly QuietHoursEnd { get; private set; } = new(8, 0);

    public void SetQuietHours(TimeOnly start, TimeOnly end)
    {
        if (start == end)
        {
            throw new DomainRuleException("Quiet hours need a start and an end that differ (for example 8:00 PM to 8:00 AM).");
        }

        QuietHoursStart = start;
        QuietHoursEnd = end;
        RecordChange();
    }

    /// <summary>Sales tax on a vehicle's price, in basis points (725 = 7.25%); 0 where the state has none.</summary>
    public int SalesTaxBasisPoints { get; private set; }

    /// <summary>The state's rule: whether the trade-in allowance reduces the price that is taxed (most states: yes).</summary>
    public bool TradeInReducesTax { get; private set; } = true;

    /// <summary>Days after delivery by which the trade-in's lienholder must be told (default 7).</summary>
    public int LienholderNoticeDays { get; private set; } = 7;

    /// <summary>Days after delivery by which the trade-in's loan payoff must be sent (default 21, as in California and Utah).</summary>
    public int PayoffDays { get; private set; } = 21;

    /// <summary>Days after delivery the customer may cancel the deal (0: no such right at this site).</summary>
    public int CancellationWindowDays { get; private set; }

    /// <summary>The ways of paying this site takes, comma-separated (see <see cref="PaymentTerms"/>); every method by default.</summary>
    public string AcceptedPaymentMethods { get; private set; } = PaymentTerms.AllMethods;

    /// <summary>The most cash taken on one deal or bill, in minor units ($10,000 by default: the federal cash-reporting line).</summary>
    public long CashLimit { get; private set; } = 1_000_000;

    /// <summary>Business days a personal or company check takes to clear when nobody has confirmed it with the bank.</summary>
    public int CheckClearanceDays { get; private set; } = 5;

    public PaymentTerms PaymentTerms => new(this);

    public void SetPaymentTerms(IReadOnlyCollection<Orders.PaymentMethod> accepted, long cashLimit, int checkClearanceDays)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        if (!accepted.Contains(Orders.PaymentMethod.Card) && !accepted.Contains(Orders.PaymentMethod.BankTransfer))
        {
            throw new DomainRuleException("Take at least card or bank transfer: a customer must always have a way to pay that counts at once or the next day.", "payment-terms-invalid");
        }

        if (cashLimit < 0 || checkClearanceDays is < 1 or > 15)
        {
            throw new DomainRuleException("The cash limit cannot be negative, and checks clear in 1 to 15 business days.", "payment-terms-invalid");
        }

        AcceptedPaymentMethods = string.Join(',', accepted.Distinct().Order());
        CashLimit = cashLimit;
        CheckClearanceDays = checkClearanceDays;
        RecordChange();
    }

    public Dealership.Domain.TradeIns.DealRules DealRules => new(SalesTaxBasisPoints, TradeInReducesTax, LienholderNoticeDays, PayoffDays, CancellationWindowDays);

    public void SetDealRules(int salesTaxBasisPoints, bool tradeInReducesTax, int lienholderNoticeDays, int payoffDays, int cancellationWindowDays)
    {
        if (salesTaxBasisPoints is < 0 or > 2_500)
        {
            throw new DomainRuleException("Sales tax is between 0% and 25% (in basis points: 725 is 7.25%).", "tax-invalid");
        }

        if (lienholderNoticeDays is < 1 or > 60 || payoffDays is < 1 or > 60 || lienholderNoticeDays > payoffDays)
        {
            throw new DomainRuleException("The lienholder is told within 1 to 60 days and no later than the payoff is due (1 to 60 days).", "payoff-deadlines-invalid");
        }

        if (cancellationWindowDays is < 0 or > 30)
        {
            throw new DomainRuleException("The cancellation window is 0 to 30 days.", "cancellation-window-invalid");
        }

        SalesTaxBasisPoints = salesTaxBasisPoints;
        TradeInReducesTax = tradeInReducesTax;
        LienholderNoticeDays = lienholderNoticeDays;
        PayoffDays = payoffDays;
        CancellationWindowDays = cancellationWindowDays;
        RecordChange();
    }

    public void SetWorkshop(int workshopMinutesPerDay, int advisorMinutesPerDay, int slotMinutes, long labourRatePerHour)
    {
        if (workshopMinutesPerDay < 60 || advisorMinutesPerDay < 60 || slotMinutes is < 10 or > 120 || labourRatePerHour < 0)
        {
            throw new DomainRuleException("Workshop and advisor capacity are at least an hour a day, slots 10 to 120 minutes apart, and the labour rate is not negative.");
        }

        WorkshopMinutesPerDay = workshopMinutesPerDay;
        AdvisorMinutesPerDay = advisorMinutesPerDay;
        ServiceSlotMinutes = slotMinutes;
        LabourRatePerHour = labourRatePerHour;
        RecordChange();
    }

    /// <summary>Days of the week the site opens: its working days for supplier lead times.</summary>
    public IEnumerable<DayOfWeek> OpenDays => _openingHours.Select(h => h.Day).Distinct();

    public OpeningHours? HoursOn(DayOfWeek day) => _openingHours.FirstOrDefault(h => h.Day == day);

    /// <summary>Converts a wall-clock time at this site into UTC.</summary>
    public DateTime ToUtc(DateTime local) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), TimeZone);

    public TimeZoneInfo TimeZone => TimeZones.Find(TimeZoneId);

    public void SetOpeningHours(DayOfWeek day, TimeOnly opens, TimeOnly closes)
    {
        if (closes <= opens)
        {
            throw new DomainRuleException($"Closing time must be after opening time on {day}.");
        }

        _openingHours.RemoveAll(h => h.Day == day);
        _openingHours.Add(new OpeningHours(day, opens, closes));
    }

    /// <summary>
    /// <paramref name="duration"/> of open time after <paramref name="utc"/>: what "we'll answer within two hours"
    /// means to a customer who writes at 9 PM on Saturday (two hours after the site opens on Monday).
    /// </summary>
    public DateTime AddOpenTime(DateTime utc, TimeSpan duration)
    {
        var remaining = duration;
        var local = ToLocal(utc);
        for (var day = 0; day < 14 && _openingHours.Count > 0; day++)
        {
            var date = local.Date.AddDays(day);
            if (HoursOn(date.DayOfWeek) is { } hours)
            {
                var opens = date + hours.Opens.ToTimeSpan();
                var closes = date + hours.Closes.ToTimeSpan();
                var start = day == 0 && local > opens ? local : opens;
                if (start < closes)
                {
                    if (remaining <= closes - start)
                    {
                        return ToUtc(start + remaining);
                    }

                    remaining -= closes - start;
                }
            }
        }

        return utc + duration;
    }

    /// <summary>The instant the site is next open, at or after <paramref name="utc"/>; null when it has no opening hours.</summary>
    public DateTime? NextOpenAt(DateTime utc)
    {
        if (IsOpenAt(utc))
        {
            return utc;
        }

        var local = ToLocal(utc);
        for (var day = 0; day <= 7; day++)
        {
            var date = DateOnly.FromDateTime(local).AddDays(day);
            if (HoursOn(date.DayOfWeek) is { } hours)
            {
                var opens = date.ToDateTime(hours.Opens);
                if (opens > local)
                {
                    return ToUtc(opens);
                }
            }
        }

        return null;
    }

    public bool IsOpenAt(DateTime utc)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeZone);
        var time = TimeOnly.FromDateTime(local);
        return _openingHours.Any(h => h.Day == local.DayOfWeek && time >= h.Opens && time < h.Closes);
    }

    /// <summary>Converts a UTC instant into this site's wall-clock time.</summary>
    public DateTime ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeZone);

    public bool SupportsLanguage(string language) => LanguageList.Contains(language, StringComparer.Ordinal);

    /// <summary>The number customers call, shown on the tracking page and in messages that invite a call.</summary>
    public string? PublicPhone { get; private set; }

    /// <summary>The address customers write to about this site (not a person's own inbox).</summary>
    public string? PublicEmail { get; private set; }

    /// <summary>Where customers bring their car, on one line ("1200 Harbor Way, Portland, OR 97209").</summary>
    public string? Address { get; private set; }

    /// <summary>A new rooftop opens Monday to Friday 8–6 and Saturday 9–5 until a manager says otherwise.</summary>
    public void OpenStandardHours()
    {
        foreach (var day in new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday })
        {
            SetOpeningHours(day, new TimeOnly(8, 0), new TimeOnly(18, 0));
        }

        SetOpeningHours(DayOfWeek.Saturday, new TimeOnly(9, 0), new TimeOnly(17, 0));
    }

    /// <summary>
    /// A manager's edit of the site's identity and market: the name, the time zone dates and hours are read in,
    /// units, the phone region and the languages messages are offered in (the first is the default). The currency
    /// changes only while nothing has been priced at the site, because every amount stored there is in it.
    /// </summary>
    public void Describe(string name, string timeZoneId, string currency, DistanceUnit distanceUnit, string defaultPhoneRegion,
        IEnumerable<string> languages, bool anythingPriced)
    {
        var list = (languages ?? []).Select(l => l.Trim().ToLowerInvariant()).Where(l => l.Length > 0).Distinct().ToList();
        if (list.Count == 0)
        {
            throw new DomainRuleException("A site needs at least one language for its messages (for example en, es).");
        }

        var newCurrency = Money.Zero(currency).Currency;
        if (newCurrency != Currency && anythingPriced)
        {
            throw new DomainRuleException($"The site already has orders, visits or parts priced in {Currency}; its currency cannot change now. Open a new site for the other market.", "currency-in-use");
        }

        Name = Require(name, nameof(name));
        SetTimeZone(timeZoneId);
        Currency = newCurrency;
        DistanceUnit = distanceUnit;
        DefaultPhoneRegion = Require(defaultPhoneRegion, nameof(defaultPhoneRegion)).ToUpperInvariant();
        Languages = string.Join(',', list);
        RecordChange();
    }

    /// <summary>Replaces the week's opening hours: a day not listed is closed. A site is open at least one day.</summary>
    public void ReplaceOpeningHours(IReadOnlyCollection<OpeningHours> week)
    {
        ArgumentNullException.ThrowIfNull(week);
        if (week.Count == 0)
        {
            throw new DomainRuleException("A site opens at least one day a week: list the days and hours it is open.");
        }

        if (week.GroupBy(h => h.Day).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new DomainRuleException($"{twice.Key} is listed twice; give each open day once.");
        }

        _openingHours.Clear();
        foreach (var day in week)
        {
            SetOpeningHours(day.Day, day.Opens, day.Closes);
        }

        RecordChange();
    }

    /// <summary>How many handovers can run at once and how long one takes: the collection slots customers pick from.</summary>
    public void SetHandover(int deliveryBays, int collectionMinutes)
    {
        if (deliveryBays is < 1 or > 50 || collectionMinutes is < 15 or > 240)
        {
            throw new DomainRuleException("A site has 1 to 50 handover bays, and a collection takes 15 to 240 minutes.");
        }

        DeliveryBays = deliveryBays;
        CollectionMinutes = collectionMinutes;
        RecordChange();
    }

    public void SetContact(string? publicPhone, string? publicEmail, string? address)
    {
        PublicPhone = string.IsNullOrWhiteSpace(publicPhone) ? null : publicPhone.Trim();
        PublicEmail = string.IsNullOrWhiteSpace(publicEmail) ? null : publicEmail.Trim();
        Address = string.IsNullOrWhiteSpace(address) ? null : address.Trim();
        RecordChange();
    }

    private void SetTimeZone(string timeZoneId)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(Require(timeZoneId, nameof(timeZoneId)), out _))
        {
            throw new ArgumentException($"Unknown time zone '{timeZoneId}'. Use an IANA id such as America/Chicago.", nameof(timeZoneId));
        }

        TimeZoneId = timeZoneId;
    }

    private static string Require(string value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException($"{name} is required.", name) : value.Trim();
}

public sealed record OpeningHours(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes);

public enum DistanceUnit
{
    Miles,
    Kilometers,
}
