using System.Globalization;
using Dealership.Application.Common;
using Dealership.Application.Tracking;
using Dealership.Domain.Customers;
using Dealership.Domain.Orders;
using Dealership.Web.Security;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Dealership.Web.Pages.Track;

/// <summary>
/// The customer's page behind their personal link. Anonymous (the token is the key), rate-limited, never
/// cached, never sent as a referrer. Any bad, expired or revoked token gets the same 404.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(AuthenticationSetup.TrackingRateLimit)]
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public sealed class PreferencesInput
    {
        public ContactChannel PreferredChannel { get; set; }

        public string Language { get; set; } = "en";

        public TimeOnly? QuietHoursStart { get; set; }

        public TimeOnly? QuietHoursEnd { get; set; }

        public bool SmsConsent { get; set; }

        public bool EmailConsent { get; set; }
    }

    [BindProperty(SupportsGet = true)]
    public string Token { get; set; } = "";

    [BindProperty]
    public PreferencesInput Input { get; set; } = new();

    [TempData]
    public bool Saved { get; set; }

    [TempData]
    public bool SlotBooked { get; set; }

    public GetTrackingPage.TrackingPage? View { get; private set; }

    public List<string> Errors { get; } = [];

    public bool Spanish => View?.Language == "es";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : Invalid();

    /// <summary>
    /// Posted by the page's script once it is on a screen (js/seen.js): a link scanner that only fetches the page never
    /// marks an offer seen; a person's browser does.
    /// </summary>
    public async Task<IActionResult> OnPostSeenAsync(Guid tradeInId, CancellationToken ct)
    {
        try
        {
            await mediator.Send(new RecordOfferViewed.Command(Token, tradeInId), ct);
            return new NoContentResult();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        SubmitAsync(async () =>
        {
            await mediator.Send(new UpdateMyPreferences.Command(Token, Input.PreferredChannel, Input.Language, Input.QuietHoursStart, Input.QuietHoursEnd,
                Input.SmsConsent, Input.EmailConsent), ct);
            Saved = true;
            return Redirect($"/track/{Token}");
        }, ct);

    public Task<IActionResult> OnPostSlotAsync(Guid orderId, DateTime startsAt, CancellationToken ct) =>
        SubmitAsync(async () =>
        {
            await mediator.Send(new Application.Handover.PickMyCollectionSlot.Command(Token, orderId, startsAt), ct);
            SlotBooked = true;
            return Redirect($"/track/{Token}");
        }, ct, taken: true);

    [TempData]
    public bool VisitConfirmed { get; set; }

    /// <summary>After the customer answered their trade-in offer: "accepted", "declined" or "reappraisal" (shown once).</summary>
    [TempData]
    public string? TradeInAnswer { get; set; }

    /// <summary>The customer's own trade-in photo; any other link or id is the same "not found".</summary>
    public async Task<IActionResult> OnGetPhotoAsync(Guid tradeInId, Guid photoId, CancellationToken ct)
    {
        try
        {
            var file = await mediator.Send(new Application.TradeIns.GetMyTradeInPhoto.Query(Token, tradeInId, photoId), ct);
            return File(file.Content, file.ContentType);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }

    public Task<IActionResult> OnPostTradeInAsync(Guid tradeInId, bool accept, int? offerNumber, CancellationToken ct) =>
        SubmitAsync(async () =>
        {
            await mediator.Send(new AnswerMyTradeInOffer.Command(Token, tradeInId, accept, offerNumber), ct);
            TradeInAnswer = $"{(accept ? "accepted" : "declined")}:{tradeInId:N}";
            return Redirect($"/track/{Token}#trade-in-{tradeInId:N}");
        }, ct);

    public Task<IActionResult> OnPostReappraisalAsync(Guid tradeInId, string? note, CancellationToken ct) =>
        SubmitAsync(async () =>
        {
            await mediator.Send(new AskForReappraisal.Command(Token, tradeInId, note), ct);
            TradeInAnswer = $"reappraisal:{tradeInId:N}";
            return Redirect($"/track/{Token}#trade-in-{tradeInId:N}");
        }, ct);

    /// <summary>The booking card's choice of what to book (from its links); its times are shown for that kind of visit.</summary>
    [BindProperty(SupportsGet = true, Name = "book")]
    public SelfBookingKind? Book { get; set; }

    public SelfBooking.Options? Booking { get; private set; }

    [TempData]
    public bool VisitBooked { get; set; }

    /// <summary>The customer books a visit for one of their cars at a time the workshop really has free.</summary>
    public async Task<IActionResult> OnPostBookVisitAsync(Guid vehicleId, string? concern, DateTime? startsAt, CancellationToken ct)
    {
        BookingFailed = true; // read only when the page renders again, i.e. when the booking was refused
        return await SubmitAsync(async () =>
        {
            if (startsAt is null)
            {
                throw new ValidationException([new FluentValidation.Results.ValidationFailure("startsAt", "Pick a time.")]);
            }

            await mediator.Send(new BookMyVisit.Command(Token, vehicleId, Book ?? SelfBookingKind.Routine, concern ?? "", startsAt.Value), ct);
            VisitBooked = true;
            return Redirect($"/track/{Token}#book");
        }, ct, taken: true);
    }

    /// <summary>What the customer typed in the booking form just refused, to show it again.</summary>
    public string? TypedInBooking(string field) =>
        BookingFailed && Request.HasFormContentType && Request.Form.TryGetValue(field, out var value) ? value.ToString() : null;

    /// <summary>After the customer answered a proposed item: "approved" or "declined" (shown once).</summary>
    [TempData]
    public string? ExtraWorkAnswer { get; set; }

    /// <summary>The customer's yes or no on one item of extra work the inspection found.</summary>
    public Task<IActionResult> OnPostExtraWorkAsync(Guid appointmentId, Guid workId, bool approve, CancellationToken ct) =>
        SubmitAsync(async () =>
        {
            await mediator.Send(new AnswerMyExtraWork.Command(Token, appointmentId, workId, approve), ct);
            ExtraWorkAnswer = approve ? "approved" : "declined";
            return Redirect($"/track/{Token}#visit-{appointmentId:N}");
        }, ct);

    /// <summary>Posted by js/seen.js once the proposals are on a screen: the advisor sees they were seen.</summary>
    public async Task<IActionResult> OnPostProposalsSeenAsync(Guid appointmentId, CancellationToken ct)
    {
        try
        {
            await mediator.Send(new RecordProposalsViewed.Command(Token, appointmentId), ct);
            return new NoContentResult();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }

    /// <summary>A photo of the customer's own inspection; any other link or id is the same "not found".</summary>
    public async Task<IActionResult> OnGetVisitPhotoAsync(Guid appointmentId, Guid photoId, CancellationToken ct)
    {
        try
        {
            var file = await mediator.Send(new GetMyInspectionPhoto.Query(Token, appointmentId, photoId), ct);
            return File(file.Content, file.ContentType);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }

    /// <summary>Fields a Spanish reader may have to fix on this page, said in Spanish (by the field).</summary>
    private static readonly Dictionary<string, string> SpanishFields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Concern"] = "Cuéntenos qué pasa, con sus palabras: el técnico lo lee primero.",
        ["startsAt"] = "Elija una hora.",
    };

    /// <summary>The booking card failed: its errors and what was typed show in the card, not at the top of a long page.</summary>
    public bool BookingFailed { get; private set; }

    /// <summary>Rules a Spanish reader may meet on this page, said in Spanish (by the rule's code).</summary>
    private static readonly Dictionary<string, string> SpanishRules = new(StringComparer.Ordinal)
    {
        ["offer-expired"] = "Esta oferta ha caducado. Pida una nueva tasación y le haremos una oferta actualizada.",
        ["offer-not-open"] = "Esta oferta ya no está abierta.",
        ["reappraisal-not-possible"] = "Ya estamos preparando una nueva tasación, o ya aceptó la oferta: para cambiar algo, responda a nuestros mensajes.",
        ["offer-changed"] = "La oferta ha cambiado desde que la abrió: lea la nueva antes de responder.",
        ["deal-closed"] = "Este pedido ya está cerrado.",
        ["already-answered"] = "Ya respondió sobre este trabajo.",
        ["duplicate-visit"] = "Este auto ya tiene una cita con nosotros: puede cambiarla en esta página, o escríbanos para añadir algo.",
        ["slot-taken"] = "Esa hora acaba de ocuparse: elija otra, por favor.",
        ["not-a-slot"] = "Esa hora no está disponible: elija una de las horas mostradas.",
        ["closed"] = "Ese día estamos cerrados: elija una de las horas mostradas.",
        ["slot-in-past"] = "Esa hora ya pasó: elija una de las horas mostradas.",
        ["beyond-horizon"] = "Esa fecha está demasiado lejos: elija una de las horas mostradas.",
        ["visit-not-in-workshop"] = "Su auto ya no está en el taller: para cambiar algo, escríbanos.",
    };

    /// <summary>After the customer wrote to us: who has it and by when (shown once, after the redirect).</summary>
    [TempData]
    public string? WrittenAnswer { get; set; }

    /// <summary>What the customer typed, kept when the message could not be sent.</summary>
    public string? TypedMessage { get; private set; }

    public Task<IActionResult> OnPostWriteAsync(string? text, CancellationToken ct)
    {
        TypedMessage = text;
        return SubmitAsync(async () =>
        {
            var answer = await mediator.Send(new WriteToUs.Command(Token, text ?? ""), ct);
            WrittenAnswer = Spanish
                ? $"{answer.OwnerName ?? "Nuestro equipo"} tiene su mensaje y le responderá antes de {answer.AnswerBy}."
                : $"{answer.OwnerName ?? "Our team"} has your message and will answer by {answer.AnswerBy}.";
            return Redirect($"/track/{Token}#write");
        }, ct);
    }

    public Task<IActionResult> OnPostConfirmVisitAsync(Guid appointmentId, CancellationToken ct) =>
        SubmitAsync(async () =>
        {
            await mediator.Send(new ConfirmMyAppointment.Command(Token, appointmentId), ct);
            VisitConfirmed = true;
            return Redirect($"/track/{Token}");
        }, ct, taken: true);

    public Task<IActionResult> OnPostMoveVisitAsync(Guid appointmentId, DateTime startsAt, CancellationToken ct) =>
        SubmitAsync(async () =>
        {
            await mediator.Send(new RescheduleMyAppointment.Command(Token, appointmentId, startsAt), ct);
            SlotBooked = true;
            return Redirect($"/track/{Token}");
        }, ct, taken: true);

    /// <summary>
    /// The one way this page's forms run: the act, then a redirect; a link that no longer works is the same 404
    /// as any bad link; what the customer must fix is shown in their language, with what they typed kept.
    /// <paramref name="taken"/>: the form picks a time, so a refusal means someone else took it first.
    /// </summary>
    private async Task<IActionResult> SubmitAsync(Func<Task<IActionResult>> act, CancellationToken ct, bool taken = false)
    {
        Exception failure;
        try
        {
            return await act();
        }
        catch (NotFoundException)
        {
            return Invalid();
        }
        catch (Exception ex) when (ex is ValidationException or Domain.Common.DomainRuleException || (taken && (ex is Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException || Api.ProblemExceptionHandler.IsConstraintViolation(ex) ||
            Api.ProblemExceptionHandler.IsWriteCollision(ex))))
        {
            failure = ex;
        }

        // The page (and so the reader's language) is loaded first, then the problem is said in that language.
        if (!await LoadAsync(ct))
        {
            return Invalid();
        }

        Errors.AddRange(failure switch
        {
            ValidationException v => Spanish
                ? v.Errors.Select(e => SpanishFields.TryGetValue(e.PropertyName, out var field) ? field : $"Revise este dato: {e.ErrorMessage}")
                : v.Errors.Select(e => e.ErrorMessage),
            Domain.Common.DomainRuleException d when Spanish && d.Code is { } code && SpanishRules.TryGetValue(code, out var spanish) => [spanish],
            Domain.Common.DomainRuleException d when Spanish => [taken ? "Esa hora ya no está libre. Elija otra, por favor." : $"No se pudo guardar: {d.Message}"],
            Domain.Common.DomainRuleException d => [d.Message],
            _ => [Spanish ? "Alguien acaba de reservar esa hora. Elija otra, por favor." : "That time was just taken by someone else. Please choose another."],
        });
        return Page();
    }

    public override void OnPageHandlerExecuting(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context)
    {
        Response.Headers.CacheControl = "no-store";
        Response.Headers["Referrer-Policy"] = "no-referrer";
        Response.Headers["X-Robots-Tag"] = "noindex";
    }

    public string StepName(OrderMilestone milestone) => (milestone, Spanish) switch
    {
        (OrderMilestone.Ordered, false) => "Ordered",
        (OrderMilestone.FactoryConfirmed, false) => "Confirmed by the factory",
        (OrderMilestone.Built, false) => "Built",
        (OrderMilestone.InTransit, false) => "On its way",
        (OrderMilestone.ArrivedAtDealership, false) => "At the dealership",
        (OrderMilestone.PreparedForDelivery, false) => "Ready for you",
        (OrderMilestone.CollectionScheduled, false) => "Collection booked",
        (OrderMilestone.Delivered, false) => "Yours!",
        (OrderMilestone.Ordered, true) => "Pedido",
        (OrderMilestone.FactoryConfirmed, true) => "Confirmado por la fábrica",
        (OrderMilestone.Built, true) => "Fabricado",
        (OrderMilestone.InTransit, true) => "En camino",
        (OrderMilestone.ArrivedAtDealership, true) => "En el concesionario",
        (OrderMilestone.PreparedForDelivery, true) => "Listo para usted",
        (OrderMilestone.CollectionScheduled, true) => "Recogida reservada",
        (OrderMilestone.Delivered, true) => "¡Suyo!",
        _ => milestone.ToString(),
    };

    public string StepDate(GetTrackingPage.ProgressStep step)
    {
        var culture = CultureInfo.GetCultureInfo(Spanish ? "es-US" : "en-US");
        if (step.ReachedAt is { } reached)
        {
            return LocalTime(reached).Split(',')[0];
        }

        return step.PromisedDate is { } promised
            ? (Spanish ? "previsto " : "expected ") + promised.ToString(Spanish ? "d MMM" : "MMM d", culture)
            : "";
    }

    public string NeededText(ChecklistItem item) => (item, Spanish) switch
    {
        (ChecklistItem.FundsArranged, false) => "How you will pay the balance (finance approval or payment method)",
        (ChecklistItem.InsuranceProof, false) => "Proof of insurance for the new car",
        (ChecklistItem.RegistrationPaperwork, false) => "Signed registration paperwork",
        (ChecklistItem.FundsArranged, true) => "Cómo pagará el saldo (financiación aprobada o forma de pago)",
        (ChecklistItem.InsuranceProof, true) => "Comprobante de seguro del coche nuevo",
        (ChecklistItem.RegistrationPaperwork, true) => "Documentos de matriculación firmados",
        _ => item.ToString(),
    };

    public string LocalTime(DateTime utc)
    {
        var zone = Dealership.Domain.Common.TimeZones.Find(View!.TimeZoneId);
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
        return local.ToString(Spanish ? "d MMM, HH:mm" : "MMM d, h:mm tt", CultureInfo.GetCultureInfo(Spanish ? "es-US" : "en-US"));
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        try
        {
            View = await mediator.Send(new GetTrackingPage.Query(Token), ct);
            if (Book is { } kind)
            {
                Booking = await mediator.Send(new GetMyBookingOptions.Query(Token, kind), ct);
            }

            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }

    private PageResult Invalid()
    {
        View = null;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
