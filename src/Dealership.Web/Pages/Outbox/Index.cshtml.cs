using Dealership.Application.Common;
using Dealership.Application.Notifications;
using Dealership.Domain.Notifications;
using Dealership.Web.Api;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dealership.Web.Pages.Outbox;

/// <summary>
/// Every message, rendered as the customer sees it (from the template and the stored facts, with the link
/// masked, so staff never see a customer's token). Dead messages can be resent by Managers.
/// </summary>
public sealed class IndexModel(IMediator mediator, IConfiguration configuration) : PageModel
{
    private const int PageSize = 20;

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PagedList<ListOutbox.Item> Results { get; private set; } = new([], 1, PageSize, 0);

    public IReadOnlyList<ListOutbox.Item> Items => Results.Items;

    public bool CanResend => Dealership.Web.Ui.AccessExtensions.May(User, Application.Common.Access.ManageSite);

    [TempData]
    public string? Flash { get; set; }

    public string ChannelsNote =>
        string.IsNullOrWhiteSpace(configuration["Email:Smtp:Host"]) || string.IsNullOrWhiteSpace(configuration["Sms:Twilio:AccountSid"])
            ? "No SMTP or Twilio account is configured, so messages on those channels are written to the local outbox folder instead of being sent."
            : "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        Results = await mediator.Send(new ListOutbox.Query(QueryValues.Enum<NotificationStatus>(Status, "status"), Math.Max(1, PageNumber), PageSize), ct);
    }

    public async Task<IActionResult> OnPostResendAsync(Guid id, CancellationToken ct)
    {
        if (!CanResend)
        {
            return Forbid();
        }

        await mediator.Send(new ResendNotification.Command(id), ct);
        Flash = "Queued to be sent again.";
        return RedirectToPage(new { status = Status });
    }
}
