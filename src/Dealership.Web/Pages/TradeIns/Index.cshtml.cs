using Dealership.Application.Common;
using Dealership.Application.TradeIns;
using Dealership.Domain.TradeIns;
using Dealership.Web.Security;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Dealership.Web.Pages.TradeIns;

/// <summary>The used-car manager's home: the appraisal queue, oldest first with each request's age; then offers out, accepted, and taken in.</summary>
[Authorize(Policy = Policies.ReadTradeIns)]
public sealed class IndexModel(IMediator mediator, TimeProvider clock, Dealership.Web.Ui.FormSubmissions submissions) : Dealership.Web.Ui.StaffFormPage(submissions)
{
    private const int PageSize = 25;

    /// <summary>The tabs, in the order a used-car manager works them.</summary>
    public static readonly IReadOnlyList<(TradeInStatus? Status, string Label)> Tabs =
    [
        (TradeInStatus.AwaitingAppraisal, "To appraise"),
        (TradeInStatus.Offered, "Offers out"),
        (TradeInStatus.Accepted, "Accepted"),
        (TradeInStatus.Received, "Taken in"),
        (null, "All"),
    ];

    [BindProperty(SupportsGet = true)]
    public string? Show { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public TradeInStatus? Status { get; private set; }

    public PagedList<ListTradeIns.TradeInSummary> Results { get; private set; } = new([], 1, PageSize, 0);

    public DateTime Now { get; private set; }

    public GetPayoutLag.PayoutLag? Lag { get; private set; }

    /// <summary>The current site's deal rules (managers change them here).</summary>
    public Dealership.Application.Sites.ListMySites.SiteView? Site { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>Sales tax as a percentage ("7.25"), the trade-in tax rule, and the deadlines in days.</summary>
    public async Task<IActionResult> OnPostDealRulesAsync(string? salesTaxPercent, bool tradeInReducesTax, int lienholderNoticeDays, int payoffDays, int cancellationWindowDays,
        long version, CancellationToken ct)
    {
        var basisPoints = decimal.TryParse(salesTaxPercent?.Replace("%", "", StringComparison.Ordinal).Trim(), System.Globalization.NumberStyles.Number,
            System.Globalization.CultureInfo.InvariantCulture, out var percent) && percent is >= 0 and <= 100
                ? (int?)Math.Round(percent * 100, MidpointRounding.AwayFromZero) : null;
        if (basisPoints is null)
        {
            return await ShowAsync(ct, "Enter the sales tax as a percentage between 0 and 25, for example 7.25 (0 where there is none).");
        }

        var site = (await mediator.Send(new Dealership.Application.Sites.ListMySites.Query(), ct)).Single(s => s.IsCurrent);
        return await SubmitAsync(() => mediator.Send(new Dealership.Application.Sites.ChangeDealRules.Command(site.Id, basisPoints.Value, tradeInReducesTax,
                lienholderNoticeDays, payoffDays, cancellationWindowDays, version), ct).AsTask(),
            "Deal rules saved. Deals already delivered keep the deadlines they were given.", "/trade-ins?show=all", ct);
    }

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Site = (await mediator.Send(new Dealership.Application.Sites.ListMySites.Query(), ct)).SingleOrDefault(s => s.IsCurrent);
        Status = Show == "all" ? null : Enum.TryParse<TradeInStatus>(Show, ignoreCase: true, out var status) ? status : TradeInStatus.AwaitingAppraisal;
        Now = clock.GetUtcNow().UtcDateTime;
        Results = await mediator.Send(new ListTradeIns.Query(Status, null, Math.Max(1, PageNumber), PageSize), ct);
        Lag = await mediator.Send(new GetPayoutLag.Query(), ct);
    }

    /// <summary>How long a request has waited, in the words a manager scans: "3 h", "2 days".</summary>
    public string Age(DateTime requestedAt)
    {
        var age = Now - requestedAt;
        return age.TotalHours < 1 ? "under an hour" : age.TotalHours < 24 ? $"{(int)age.TotalHours} h" : Domain.Common.Readable.Count((int)age.TotalDays, "day");
    }

    public static string TabValue(TradeInStatus? status) => status is null ? "all" : System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(status.Value.ToString());
}
