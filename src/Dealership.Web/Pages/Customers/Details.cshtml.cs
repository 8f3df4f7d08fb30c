using Dealership.Application.Common;
using Dealership.Application.Customers;
using Dealership.Application.Journey;
using Dealership.Application.Notifications;
using Dealership.Application.Sites;
using Dealership.Domain.Customers;
using Dealership.Web.Security;
using Dealership.Web.Ui;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Web.Pages.Customers;

/// <summary>The customer page: contact details, consent record and vehicles, with "add a vehicle" for editing roles.</summary>
public sealed class DetailsModel(IMediator mediator, IAuthorizationService authorization, FormSubmissions submissions, SiteContext siteContext) : PageModel
{
    public sealed class VehicleInput
    {
        public string? Vin { get; set; }

        public int Year { get; set; }

        public string? Make { get; set; }

        public string? Model { get; set; }

        public string? Trim { get; set; }

        public string? Color { get; set; }

        public int? Odometer { get; set; }
    }

    public sealed class PreferencesInput
    {
        public long Version { get; set; }

        public ContactChannel PreferredChannel { get; set; }

        public string? Language { get; set; }

        public TimeOnly? QuietHoursStart { get; set; }

        public TimeOnly? QuietHoursEnd { get; set; }

        public bool SmsConsent { get; set; }

        public bool EmailConsent { get; set; }

        public string? ConsentSource { get; set; }
    }

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public PreferencesInput Preferences { get; set; } = new();

    public sealed class DetailsInput
    {
        public long Version { get; set; }

        public string? FirstName { get; set; }

        public string? LastName { get; set; }

        public string? Email { get; set; }

        public string? MobilePhone { get; set; }

        public bool AllowSharedContact { get; set; }
    }

    [BindProperty]
    public DetailsInput Details { get; set; } = new();

    public List<string> DetailErrors { get; } = [];

    public List<string> PreferenceErrors { get; } = [];

    public List<string> MessageErrors { get; } = [];

    [BindProperty]
    public string? MessageText { get; set; }

    public PagedList<GetJourney.TouchpointView> Journey { get; private set; } = new([], 1, 20, 0);

    public PagedList<Application.Orders.ListOrders.OrderSummary> Orders { get; private set; } = new([], 1, 20, 0);

    public bool CanReadOrders { get; private set; }

    public PagedList<Application.TradeIns.ListTradeIns.TradeInSummary> TradeIns { get; private set; } = new([], 1, 20, 0);

    public bool CanPlaceOrders { get; private set; }

    public bool CanReadService { get; private set; }

    public bool CanBookService { get; private set; }

    public PagedList<Application.Service.AppointmentView> Visits { get; private set; } = new([], 1, 20, 0);

    public IReadOnlyList<string> Languages { get; private set; } = ["en"];

    [BindProperty]
    public VehicleInput Vehicle { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public CustomerView Customer { get; private set; } = null!;

    public PagedList<VehicleView> Vehicles { get; private set; } = new([], 1, 50, 0);

    public string? OwnerName { get; private set; }

    public string RegisteredAtSite { get; private set; } = "";

    public bool CanEdit { get; private set; }

    public string DistanceAbbreviation { get; private set; } = "mi";

    public string DistanceName { get; private set; } = "miles";

    public List<string> VehicleErrors { get; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        try
        {
            await LoadAsync(ct);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAddVehicleAsync([FromForm(Name = FormSubmissions.FieldName)] string? submissionKey, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.EditCustomers)).Succeeded)
        {
            return Forbid();
        }

        try
        {
            var target = await submissions.RunOnceAsync(submissionKey, async () =>
            {
                var added = await mediator.Send(new AddVehicle.Command(Id, Vehicle.Vin ?? "", Vehicle.Year, Vehicle.Make ?? "", Vehicle.Model ?? "",
                    Vehicle.Trim, Vehicle.Color, Vehicle.Odometer), ct);
                Message = $"Added {added.Year} {added.Make} {added.Model} ({added.Vin}).";
                return $"/customers/{Id}";
            });
            return LocalRedirect(target);
        }
        catch (Exception ex) when (FormOutcome.Messages(ex) is { } messages)
        {
            VehicleErrors.AddRange(messages);
        }

        await LoadAsync(ct);
        return Page();
    }

    /// <summary>Saves preferences against the version the page showed: if someone changed them meanwhile, nothing is overwritten.</summary>
    public async Task<IActionResult> OnPostPreferencesAsync(CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.EditCustomers)).Succeeded)
        {
            return Forbid();
        }

        try
        {
            await mediator.Send(new UpdateContactPreferences.Command(Id, Preferences.PreferredChannel, Preferences.Language, null,
                Preferences.QuietHoursStart, Preferences.QuietHoursEnd, Preferences.SmsConsent, Preferences.EmailConsent,
                Preferences.ConsentSource, Preferences.Version), ct);
            Message = "Contact preferences saved.";
            return LocalRedirect($"/customers/{Id}");
        }
        catch (Exception ex) when (FormOutcome.Messages(ex) is { } messages)
        {
            PreferenceErrors.AddRange(messages);
        }
        catch (Exception ex) when (ex is PreconditionFailedException or DbUpdateConcurrencyException)
        {
            PreferenceErrors.Add("Someone else changed this customer's preferences while you were editing. The page now shows their version; make your change again.");
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDetailsAsync(CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.EditCustomers)).Succeeded)
        {
            return Forbid();
        }

        try
        {
            await mediator.Send(new UpdateCustomerDetails.Command(Id, Details.FirstName ?? "", Details.LastName ?? "", Details.Email, Details.MobilePhone,
                Details.AllowSharedContact, Details.Version), ct);
            Message = "Contact details saved.";
            return LocalRedirect($"/customers/{Id}");
        }
        catch (Exception ex) when (FormOutcome.Messages(ex) is { } messages)
        {
            DetailErrors.AddRange(messages);
        }
        catch (Exception ex) when (ex is PreconditionFailedException or DbUpdateConcurrencyException)
        {
            DetailErrors.Add("Someone else changed this customer while you were editing. The page now shows their version; make your change again.");
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostMessageAsync([FromForm(Name = FormSubmissions.FieldName)] string? submissionKey, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.EditCustomers)).Succeeded)
        {
            return Forbid();
        }

        try
        {
            // A double click must not text the customer twice: the form's key makes the second submit a replay.
            var target = await submissions.RunOnceAsync(submissionKey, async () =>
            {
                var queued = await mediator.Send(new SendCustomerMessage.Command(Id, MessageText ?? "", null, null), ct);
                Message = $"Message queued: {string.Join(" and ", queued.Where(n => n.Status != Domain.Notifications.NotificationStatus.Suppressed).Select(n => n.Channel == Domain.Notifications.MessageChannel.Sms ? "text" : "email"))}.";
                return $"/customers/{Id}";
            });
            return LocalRedirect(target);
        }
        catch (Exception ex) when (FormOutcome.Messages(ex) is { } messages)
        {
            MessageErrors.AddRange(messages);
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostContactAsync([FromForm(Name = FormSubmissions.FieldName)] string? submissionKey, Application.Journey.LogContact.ContactKind kind,
        bool fromCustomer, string? summary, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.EditCustomers)).Succeeded)
        {
            return Forbid();
        }

        try
        {
            var target = await submissions.RunOnceAsync(submissionKey, async () =>
            {
                await mediator.Send(new Application.Journey.LogContact.Command(Id, kind, fromCustomer, summary ?? ""), ct);
                Message = kind == Application.Journey.LogContact.ContactKind.Call ? "Call logged on the timeline." : "Visit logged on the timeline.";
                return $"/customers/{Id}";
            });
            return LocalRedirect(target);
        }
        catch (Exception ex) when (FormOutcome.Messages(ex) is { } messages)
        {
            MessageErrors.AddRange(messages);
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeLinksAsync(CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.EditCustomers)).Succeeded)
        {
            return Forbid();
        }

        var revoked = await mediator.Send(new Application.Tracking.RevokeTrackingLinks.Command(Id), ct);
        Message = revoked == 0 ? "There were no active tracking links." : $"Revoked {revoked} tracking link{(revoked == 1 ? "" : "s")}. The next message will carry a new one.";
        return LocalRedirect($"/customers/{Id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Journey = await mediator.Send(new GetJourney.Query(Id, 1, 20), ct);
        CanReadOrders = (await authorization.AuthorizeAsync(User, Policies.ReadOrders)).Succeeded;
        CanPlaceOrders = (await authorization.AuthorizeAsync(User, Policies.WriteOrders)).Succeeded;
        CanReadService = (await authorization.AuthorizeAsync(User, Policies.ReadService)).Succeeded;
        CanBookService = (await authorization.AuthorizeAsync(User, Policies.WriteService)).Succeeded;
        if (CanReadService)
        {
            Visits = await mediator.Send(new Application.Service.ListAppointments.Query(null, null, Id, null, null, 1, 20), ct);
        }

        if (User.May(Application.Common.Access.ReadTradeIns))
        {
            TradeIns = await mediator.Send(new Application.TradeIns.ListTradeIns.Query(null, Id, 1, 20), ct);
        }

        if (CanReadOrders)
        {
            Orders = await mediator.Send(new Application.Orders.ListOrders.Query(null, null, null, 1, 20, Id), ct);
        }
        Customer = await mediator.Send(new GetCustomer.Query(Id), ct);
        Vehicles = await mediator.Send(new ListVehicles.Query(Id), ct);
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.EditCustomers)).Succeeded;
        OwnerName = Customer.OwnerName;
        var site = await siteContext.GetAsync(ct);
        Languages = site.LanguageList;
        var unit = site.DistanceUnit;
        (DistanceAbbreviation, DistanceName) = unit == Domain.Sites.DistanceUnit.Kilometers ? ("km", "kilometers") : ("mi", "miles");
        RegisteredAtSite = Customer.RegisteredAtSiteName ?? "";
    }
}
