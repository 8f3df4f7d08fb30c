using System.Globalization;
using Dealership.Application.Sites;
using Dealership.Domain.Sites;
using Dealership.Web.Security;
using Dealership.Web.Ui;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Dealership.Web.Pages.Manage;

/// <summary>A manager's sites: every setting of one site in one form, and opening another rooftop.</summary>
[Authorize(Policy = Policies.ManagersOnly)]
public sealed class SitesModel(IMediator mediator, FormSubmissions submissions) : StaffFormPage(submissions)
{
    public static readonly DayOfWeek[] Week = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    public IReadOnlyList<ListMySites.SiteView> Sites { get; private set; } = [];

    /// <summary>The edit form itself was posted (and refused): show what was typed in it. Not after the open-site form.</summary>
    public bool EditPosted => HttpMethods.IsPost(Request.Method) && Request.HasFormContentType && Request.Form.ContainsKey("SiteId");

    public ListMySites.SiteView? Site { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostSaveAsync(SiteForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        // A refused save shows the site that was posted, never another one with this one's values in it.
        Id = form.SiteId;
        var hours = new List<ListMySites.OpeningHoursView>();
        foreach (var day in Week)
        {
            var key = day.ToString();
            if (!Request.Form.ContainsKey("open-" + key))
            {
                continue;
            }

            if (!TimeOnly.TryParse(Request.Form["opens-" + key], CultureInfo.InvariantCulture, out var opens) ||
                !TimeOnly.TryParse(Request.Form["closes-" + key], CultureInfo.InvariantCulture, out var closes))
            {
                return await ShowAsync(ct, $"Give {key}'s opening and closing times (for example 08:00 and 18:00), or untick it if the site is closed that day.");
            }

            hours.Add(new ListMySites.OpeningHoursView(day, opens, closes));
        }

        if (FormOutcome.ToMinorUnits(form.LabourRate) is not { } labourRate)
        {
            return await ShowAsync(ct, "The labour rate is an amount per hour, for example 150.00.");
        }

        if (!TimeOnly.TryParse(form.QuietStart, CultureInfo.InvariantCulture, out var quietStart) || !TimeOnly.TryParse(form.QuietEnd, CultureInfo.InvariantCulture, out var quietEnd))
        {
            return await ShowAsync(ct, "Give quiet hours as two times, for example 20:00 to 08:00.");
        }

        var languages = (form.Languages ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return await SubmitAsync(() => mediator.Send(new ChangeSiteSettings.Command(form.SiteId, form.Name ?? "", form.TimeZoneId ?? "", form.Currency ?? "",
                form.DistanceUnit, form.PhoneRegion ?? "", languages, hours, form.DeliveryBays, form.CollectionMinutes, (int)Math.Round(form.WorkshopHoursPerDay * 60),
                (int)Math.Round(form.AdvisorHoursPerDay * 60), form.SlotMinutes, labourRate, quietStart, quietEnd, form.PublicPhone, form.PublicEmail, form.Address, form.Version), ct).AsTask(),
            "Saved. New bookings, collection slots and messages use these settings from now on.", $"/manage/sites?id={form.SiteId}", ct);
    }

    public async Task<IActionResult> OnPostDealRulesAsync(Guid siteId, long version, string? salesTax, bool tradeInReducesTax, int lienholderNoticeDays, int payoffDays,
        int cancellationWindowDays, CancellationToken ct)
    {
        Id = siteId;
        if (!decimal.TryParse(salesTax, NumberStyles.Number, CultureInfo.InvariantCulture, out var percent) || percent < 0)
        {
            return await ShowAsync(ct, "Give the sales tax as a percentage, for example 7.25 (0 where there is none).");
        }

        return await SubmitAsync(() => mediator.Send(new ChangeDealRules.Command(siteId, (int)Math.Round(percent * 100), tradeInReducesTax, lienholderNoticeDays, payoffDays,
                cancellationWindowDays, version), ct).AsTask(),
            "Deal rules saved. New quotes and trade-in deadlines use them; deals already signed keep theirs.", $"/manage/sites?id={siteId}#deal", ct);
    }

    public async Task<IActionResult> OnPostPaymentTermsAsync(Guid siteId, long version, List<Dealership.Domain.Orders.PaymentMethod>? accepted, string? cashLimit, int checkClearanceDays,
        CancellationToken ct)
    {
        Id = siteId;
        if (FormOutcome.ToMinorUnits(cashLimit) is not { } limit)
        {
            return await ShowAsync(ct, "Give the cash limit per deal as an amount, for example 10000.00 (0 takes no cash).");
        }

        return await SubmitAsync(() => mediator.Send(new ChangePaymentTerms.Command(siteId, accepted ?? [], limit, checkClearanceDays, version), ct).AsTask(),
            "Payment terms saved. The next payment taken at this site follows them.", $"/manage/sites?id={siteId}#payment", ct);
    }

    public async Task<IActionResult> OnPostOpenAsync(string? newCode, string? newName, string? newTimeZoneId, string? newCurrency, DistanceUnit newDistanceUnit, string? newPhoneRegion,
        string? newLanguages, CancellationToken ct)
    {
        ListMySites.SiteView? opened = null;
        return await SubmitAsync(
            async () => opened = await mediator.Send(new OpenSite.Command(newCode ?? "", newName ?? "", newTimeZoneId ?? "", (newCurrency ?? "").Trim().ToUpperInvariant(), newDistanceUnit,
                newPhoneRegion ?? "", (newLanguages ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)), ct),
            () => $"{opened!.Name} is open in the system. Check its hours and capacity below, then give staff access on the Staff page.",
            () => $"/manage/sites?id={opened!.Id}", ct);
    }

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Sites = await mediator.Send(new ListMySites.Query(), ct);
        Site = Sites.FirstOrDefault(s => s.Id == Id) ?? Sites.FirstOrDefault(s => s.IsCurrent) ?? (Sites.Count > 0 ? Sites[0] : null);
    }

    /// <summary>The edit form's fields; hours per day come as open-/opens-/closes-{Day}.</summary>
    public sealed class SiteForm
    {
        public Guid SiteId { get; set; }

        public long Version { get; set; }

        public string? Name { get; set; }

        public string? TimeZoneId { get; set; }

        public string? Currency { get; set; }

        public DistanceUnit DistanceUnit { get; set; }

        public string? PhoneRegion { get; set; }

        public string? Languages { get; set; }

        public int DeliveryBays { get; set; }

        public int CollectionMinutes { get; set; }

        public decimal WorkshopHoursPerDay { get; set; }

        public decimal AdvisorHoursPerDay { get; set; }

        public int SlotMinutes { get; set; }

        public string? LabourRate { get; set; }

        public string? QuietStart { get; set; }

        public string? QuietEnd { get; set; }

        public string? PublicPhone { get; set; }

        public string? PublicEmail { get; set; }

        public string? Address { get; set; }
    }
}
