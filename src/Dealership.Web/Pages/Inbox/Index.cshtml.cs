using Dealership.Application.Common;
using Dealership.Application.Notifications;
using Dealership.Application.Tasks;
using Dealership.Web.Ui;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace Dealership.Web.Pages.Inbox;

/// <summary>The staff inbox: tasks (customer replies, watchdog alerts) with an answer box.</summary>
public sealed class IndexModel(IMediator mediator, TimeProvider clock, FormSubmissions submissions) : StaffFormPage(submissions)
{
    public PagedList<TaskView> Tasks { get; private set; } = new([], 1, 50, 0);

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The task whose answer failed, and what was typed, so the person does not lose it.</summary>
    public Guid? FailedTaskId { get; private set; }

    public string? TypedAnswer { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostAnswerAsync(Guid taskId, Guid customerId, string? text, CancellationToken ct)
    {
        FailedTaskId = taskId;
        TypedAnswer = text;
        return SubmitAsync(() => mediator.Send(new SendCustomerMessage.Command(customerId, text ?? "", null, taskId), ct).AsTask(),
            "Sent. The task is closed.", "/inbox", ct);
    }

    public Task<IActionResult> OnPostDoneAsync(Guid taskId, CancellationToken ct) =>
        SubmitAsync(() => mediator.Send(new CompleteTask.Command(taskId), ct).AsTask(), "Task closed.", "/inbox", ct);

    protected override async Task LoadAsync(CancellationToken ct) => Tasks = await mediator.Send(new ListTasks.Query(), ct);
}
