using Dealership.Application.Sites;
using Dealership.Application.Staff;
using Dealership.Web.Security;
using Mediator;

namespace Dealership.Web.Api;

/// <summary>/api/sites (the caller's sites) and /api/staff (Managers manage accounts; no self-registration).</summary>
public static class SitesAndStaffApi
{
    public sealed record PaymentTermsBody(IReadOnlyList<Dealership.Domain.Orders.PaymentMethod>? Accepted, long CashLimit, int CheckClearanceDays);

    public sealed record DealRulesBody(int SalesTaxBasisPoints, bool? TradeInReducesTax, int LienholderNoticeDays, int PayoffDays, int CancellationWindowDays);

    /// <summary>Every setting of a site but its deal rules and payment terms (their own routes).</summary>
    public sealed record SiteSettingsBody(
        string? Name, string? TimeZoneId, string? Currency, Dealership.Domain.Sites.DistanceUnit DistanceUnit, string? DefaultPhoneRegion,
        IReadOnlyList<string>? Languages, IReadOnlyList<ListMySites.OpeningHoursView>? OpeningHours, int DeliveryBays, int CollectionMinutes,
        int WorkshopMinutesPerDay, int AdvisorMinutesPerDay, int ServiceSlotMinutes, long LabourRatePerHour, TimeOnly QuietHoursStart, TimeOnly QuietHoursEnd,
        string? PublicPhone, string? PublicEmail, string? Address);

    public sealed record StaffMemberBody(string? DisplayName, IReadOnlyList<string>? Roles, IReadOnlyList<Guid>? SiteIds, Guid? PrimarySiteId);

    public sealed record PasswordResetBody(string? TemporaryPassword);

    public sealed record AvailabilityBody(IReadOnlyList<Dealership.Domain.Handover.WorkingHours>? Hours, IReadOnlyList<Dealership.Domain.Handover.BlockedTime>? Blocked);

    public static void MapSitesAndStaffApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/sites", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListMySites.Query(), ct)))
            .RequireAuthorization(Policies.Staff)
            .WithTags("Sites")
            .WithSummary("The sites you work at; the current one (X-Site-Id or your primary site) has isCurrent: true.");

        api.MapGet("/sites/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                var site = await mediator.Send(new GetSite.Query(id), ct);
                return ETags.With(TypedResults.Ok(site), site.Version);
            })
            .RequireAuthorization(Policies.Staff)
            .WithTags("Sites")
            .WithSummary("One of your sites with every setting; its ETag is the version a change sends as If-Match.");

        api.MapPost("/sites", async (OpenSite.Command command, IMediator mediator, CancellationToken ct) =>
            {
                var site = await mediator.Send(command, ct);
                return ETags.With(TypedResults.Created($"/api/sites/{site.Id}", site), site.Version);
            })
            .RequireAuthorization(Policies.ManagersOnly)
            .WithTags("Sites")
            .WithSummary("Open another site of the group (code, name, timeZoneId, currency, distanceUnit, defaultPhoneRegion, languages). "
                + "It opens Mon–Fri 8–6 and Sat 9–5 until changed, and you work there at once. Managers.");

        api.MapPut("/sites/{id:guid}", async (Guid id, SiteSettingsBody body, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var site = await mediator.Send(new ChangeSiteSettings.Command(id, body.Name ?? "", body.TimeZoneId ?? "", body.Currency ?? "", body.DistanceUnit,
                    body.DefaultPhoneRegion ?? "", body.Languages ?? [], body.OpeningHours ?? [], body.DeliveryBays, body.CollectionMinutes,
                    body.WorkshopMinutesPerDay, body.AdvisorMinutesPerDay, body.ServiceSlotMinutes, body.LabourRatePerHour, body.QuietHoursStart, body.QuietHoursEnd,
                    body.PublicPhone, body.PublicEmail, body.Address, ETags.ReadIfMatch(request)), ct);
                return ETags.With(TypedResults.Ok(site), site.Version);
            })
            .RequireAuthorization(Policies.ManagersOnly)
            .WithTags("Sites")
            .WithSummary("Replace a site's settings: name and market, openingHours (a day not listed is closed), deliveryBays and collectionMinutes, "
                + "workshop capacity and labourRatePerHour (cents), quietHoursStart/End (site time), public contact. Send every field (GET it first). Managers.");

        api.MapPut("/sites/{id:guid}/deal-rules", async (Guid id, DealRulesBody body, HttpRequest request, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Dealership.Application.Sites.ChangeDealRules.Command(id, body.SalesTaxBasisPoints,
                    body.TradeInReducesTax ?? throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("tradeInReducesTax", "Say whether the trade-in allowance reduces the taxed price: true or false.")]),
                    body.LienholderNoticeDays, body.PayoffDays, body.CancellationWindowDays, ETags.ReadIfMatch(request)), ct)))
            .RequireAuthorization(Policies.ManagersOnly)
            .WithTags("Sites")
            .WithSummary("A site's deal rules: salesTaxBasisPoints (725 = 7.25%), tradeInReducesTax, lienholderNoticeDays, payoffDays, cancellationWindowDays. Managers.");

        api.MapPut("/sites/{id:guid}/payment-terms", async (Guid id, PaymentTermsBody body, HttpRequest request, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Dealership.Application.Sites.ChangePaymentTerms.Command(id, body.Accepted ?? [], body.CashLimit, body.CheckClearanceDays,
                    ETags.ReadIfMatch(request)), ct)))
            .RequireAuthorization(Policies.ManagersOnly)
            .WithTags("Sites")
            .WithSummary("How a site takes money: accepted (card, cash, check, companyCheck, cashiersCheck, bankTransfer, lenderFunding), cashLimit per deal in cents, "
                + "checkClearanceDays (business days). Managers. Card or bank transfer must stay accepted.");

        api.MapPut("/staff/me/alerts", async (Dealership.Application.Notifications.SetMyAlerts.Command command, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(command, ct)))
            .RequireAuthorization(Policies.Staff)
            .WithTags("Staff")
            .WithSummary("Your own alerts: mobilePhone and textApprovals (be texted when someone asks for your approval). Off unless you turn it on.");

        api.MapGet("/staff/{id:guid}/availability", async (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Dealership.Application.Handover.GetStaffAvailability.Query(id), ct)))
            .RequireAuthorization(Policies.Staff).WithTags("Staff")
            .WithSummary("Working hours and blocked time (yours, or as a manager someone's at your sites).");
        api.MapPut("/staff/{id:guid}/availability", async (Guid id, AvailabilityBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Dealership.Application.Handover.SetStaffAvailability.Command(id, body.Hours ?? [], body.Blocked ?? []), ct)))
            .RequireAuthorization(Policies.Staff).WithTags("Staff")
            .WithSummary("Replace working hours (weekday, starts, ends in site time) and blocked periods (UTC): collections are offered only when you are there.");

        api.MapPost("/staff/me/password", async (ChangeMyPassword.Command command, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(command, ct)))
            .RequireAuthorization(Policies.Staff).WithTags("Staff")
            .WithSummary("Change your own password (currentPassword, newPassword). Every other session of yours ends; sign in again for a new token.");

        var staff = api.MapGroup("/staff").WithTags("Staff").RequireAuthorization(Policies.ManagersOnly);
        staff.MapGet("/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                var member = await mediator.Send(new GetStaffMember.Query(id), ct);
                return ETags.With(TypedResults.Ok(member), member.Version);
            })
            .WithSummary("One person at your sites: roles, sites, active or not (Managers only).");
        staff.MapPut("/{id:guid}", async (Guid id, StaffMemberBody body, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var member = await mediator.Send(new UpdateStaffMember.Command(id, body.DisplayName ?? "", body.Roles ?? [], body.SiteIds ?? [], body.PrimarySiteId,
                    ETags.ReadIfMatch(request)), ct);
                return ETags.With(TypedResults.Ok(member), member.Version);
            })
            .WithSummary("Change someone's displayName, roles and siteIds (only sites you work at; their other sites stay). A role taken away ends their sessions.");
        staff.MapPost("/{id:guid}/deactivate", async (Guid id, HttpRequest request, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new DeactivateStaffMember.Command(id, ETags.ReadIfMatch(request)), ct)))
            .WithSummary("Someone left: the account cannot sign in and its sessions end now. History keeps their name. Not your own account.");
        staff.MapPost("/{id:guid}/reactivate", async (Guid id, HttpRequest request, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ReactivateStaffMember.Command(id, ETags.ReadIfMatch(request)), ct)))
            .WithSummary("Let a deactivated account sign in again, with its roles and sites.");
        staff.MapPost("/{id:guid}/password-reset", async (Guid id, PasswordResetBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ResetStaffPassword.Command(id, body.TemporaryPassword ?? ""), ct)))
            .WithSummary("Give someone a temporary password (tell them in person): their sessions end, and they choose their own at the next sign-in.");
        staff.MapPost("/", async (CreateStaffMember.Command command, IMediator mediator, CancellationToken ct) =>
            {
                var member = await mediator.Send(command, ct);
                return TypedResults.Created($"/api/staff/{member.Id}", member);
            })
            .WithSummary("Create a staff account with roles and sites (Managers only).");
        staff.MapGet("/", async ([AsParameters] PageRequest paging, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListStaff.Query(paging.Number, paging.Size), ct)))
            .WithSummary("Staff at the current site (Managers only).");
    }
}
