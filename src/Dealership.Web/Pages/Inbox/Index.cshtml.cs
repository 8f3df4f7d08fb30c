using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Application.Notifications;
using Dealership.Application.Tasks;
using Dealership.Domain.Common;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Web.Pages.Inbox;

/// <summary>The staff inbox: tasks (customer replies, later watchdog alerts) with an answer box.</summary>
public sealed class IndexModel(IMediator mediator, DealershipDbContext db, TimeProvider clock, Dealership.Web.Ui.FormSubmissions submissions) : PageModel
{
    public PagedList<TaskView> Tasks { get; private set; } = new([], 1, 50, 0);

    public Dictionary<Guid, string> CustomerNames { get; private set; } = [];

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    [TempData]
    public string? Message { get; set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAnswerAsync(Guid taskId, Guid customerId, string? text,
        [FromForm(Name = Dealership.Web.Ui.FormSubmissions.FieldName)] string? submissionKey, CancellationToken ct)
    {
        try
        {
            var target = await submissions.RunOnceAsync(submissionKey, async () =>
            {
                await mediator.Send(new SendCustomerMessage.Command(customerId, text ?? "", null, taskId), ct);
                Message = "Sent. The task is closed.";
                return "/inbox";
            });
            return LocalRedirect(target);
        }
        catch (ValidationException ex)
        {
            Error = string.Join(" ", ex.Errors.Select(e => e.ErrorMessage));
        }
        catch (DomainRuleException ex)
        {
            Error = ex.Message;
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDoneAsync(Guid taskId, CancellationToken ct)
    {
        await mediator.Send(new CompleteTask.Command(taskId), ct);
        Message = "Task closed.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Tasks = await mediator.Send(new ListTasks.Query(), ct);
        var ids = Tasks.Items.SelectMany(t => t.CustomerIds).Distinct().ToList();
        CustomerNames = await db.Customers.AsNoTracking().Where(c => ids.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.FirstName + " " + c.LastName, ct);
    }
}
