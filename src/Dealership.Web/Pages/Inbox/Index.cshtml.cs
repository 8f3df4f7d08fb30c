using Dealership.Application.Common;
using Dealership.Application.Notifications;
using Dealership.Application.Tasks;
using Dealership.Web.Ui;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace Dealership.Web.Pages.Inbox;

/// <summary>The staff inbox: tasks (customer replies, watchdog alerts) with an answer box.</summary>
public sealed class IndexModel(IMediator mediator, TimeProvider clock, FormSubmissions submissions, ICurrentStaff staff) : StaffFormPage(submissions)
{
    public PagedList<TaskView> Tasks { get; private set; } = new([], 1, 50, 0);

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The task whose answer failed, and what was typed, so the person does not lose it.</summary>
    public Guid? FailedTaskId { get; private set; }

    public string? TypedAnswer { get; private set; }

    /// <summary>Whom a conversation can be handed to, per site: a task goes to people who work at its own site.</summary>
    public IReadOnlyDictionary<Guid, IReadOnlyList<ListColleagues.Colleague>> Colleagues { get; private set; } = new Dictionary<Guid, IReadOnlyList<ListColleagues.Colleague>>();

    public Guid? Me => staff.StaffId;

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

    /// <summary><paramref name="to"/>: a colleague's id, or "queue" for the site's team queue.</summary>
    public async Task<IActionResult> OnPostReassignAsync(Guid taskId, string? to, CancellationToken ct)
    {
        if (to != "queue" && !Guid.TryParse(to, out _))
        {
            return await ShowAsync(ct, "Choose who takes the conversation.");
        }

        Guid? target = Guid.TryParse(to, out var id) ? id : null;
        return await SubmitAsync(() => mediator.Send(new ReassignTask.Command(taskId, target), ct).AsTask(),
            target is null ? "Handed to the team queue: the site's managers see it now." : "Handed over. It is in their inbox now, with the same answer-by time.", "/inbox", ct);
    }

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Tasks = await mediator.Send(new ListTasks.Query(), ct);
        var colleagues = new Dictionary<Guid, IReadOnlyList<ListColleagues.Colleague>>();
        foreach (var siteId in Tasks.Items.Select(t => t.SiteId).Distinct())
        {
            colleagues[siteId] = (await mediator.Send(new ListColleagues.Query(SiteId: siteId), ct)).Items;
        }

        Colleagues = colleagues;
    }
}
