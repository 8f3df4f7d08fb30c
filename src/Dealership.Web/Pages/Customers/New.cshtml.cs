using Dealership.Application.Common;
using Dealership.Application.Customers;
using Dealership.Application.Sites;
using Dealership.Domain.Common;
using Dealership.Domain.Customers;
using Dealership.Web.Ui;
using Dealership.Web.Security;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dealership.Web.Pages.Customers;

[Authorize(Policy = Policies.EditCustomers)]
public sealed class NewModel(IMediator mediator, ICurrentStaff staff, FormSubmissions submissions, SiteContext siteContext) : PageModel
{
    public sealed class CustomerInput
    {
        public string? FirstName { get; set; }

        public string? LastName { get; set; }

        public string? Email { get; set; }

        public string? MobilePhone { get; set; }

        public ContactChannel PreferredChannel { get; set; } = ContactChannel.Sms;

        public string Language { get; set; } = "en";

        public TimeOnly? QuietHoursStart { get; set; }

        public TimeOnly? QuietHoursEnd { get; set; }

        public bool SmsConsent { get; set; }

        public bool EmailConsent { get; set; }

        public bool OwnedByMe { get; set; } = true;

        public bool AllowSharedContact { get; set; }
    }

    public sealed record SharedContactWarning(string Message, Guid ExistingCustomerId, string ExistingCustomerName);

    [BindProperty]
    public CustomerInput Input { get; set; } = new();

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public SharedContactWarning? SharedContact { get; private set; }

    public string SubmissionKey { get; private set; } = Guid.NewGuid().ToString();

    public IReadOnlyList<string> Languages { get; private set; } = ["en"];

    public static string LanguageName(string code) =>
        System.Globalization.CultureInfo.GetCultureInfo(code).NativeName is var native && native.Length > 0
            ? char.ToUpperInvariant(native[0]) + native[1..]
            : code;

    public override async Task OnPageHandlerExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context,
        Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
    {
        var site = await siteContext.GetAsync(HttpContext.RequestAborted);
        Languages = site.LanguageList;
        if (context.HandlerMethod?.HttpMethod == "Get")
        {
            Input.Language = site.DefaultLanguage;
        }

        await next();
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync([FromForm(Name = FormSubmissions.FieldName)] string? submissionKey, CancellationToken ct)
    {
        try
        {
            var target = await submissions.RunOnceAsync(submissionKey, async () =>
            {
                var customer = await mediator.Send(new RegisterCustomer.Command(
                    Input.FirstName ?? "", Input.LastName ?? "", Input.Email, Input.MobilePhone, Input.PreferredChannel, Input.Language,
                    TimeZoneId: null, Input.QuietHoursStart, Input.QuietHoursEnd, Input.SmsConsent, Input.EmailConsent,
                    ConsentSource: null, Input.OwnedByMe ? staff.StaffId : null, Input.AllowSharedContact,
                    Input.AllowSharedContact ? "Confirmed at the desk as a different person" : null), ct);
                return $"/customers/{customer.Id}";
            });
            return LocalRedirect(target);
        }
        catch (ValidationException ex)
        {
            foreach (var error in ex.Errors)
            {
                var field = string.IsNullOrEmpty(error.PropertyName) ? "contact" : char.ToLowerInvariant(error.PropertyName[0]) + error.PropertyName[1..];
                Errors.TryAdd(field, error.ErrorMessage);
            }
        }
        catch (DomainRuleException ex) when (ex.Code == "contact-in-use")
        {
            var name = (string)ex.Facts["existingCustomerName"]!;
            var what = ex.Facts["sharedEmail"] is not null && ex.Facts["sharedMobilePhone"] is not null ? "email address and mobile number belong"
                : ex.Facts["sharedEmail"] is not null ? "email address belongs" : "mobile number belongs";
            SharedContact = new SharedContactWarning($"This {what} to {name}, who is already a customer.", (Guid)ex.Facts["existingCustomerId"]!, name);
        }
        catch (DomainRuleException ex)
        {
            Errors["preferredChannel"] = ex.Message;
        }

        // A new key: the failed attempt stored nothing, so the corrected form is a new submission.
        SubmissionKey = Guid.NewGuid().ToString();
        return Page();
    }
}
