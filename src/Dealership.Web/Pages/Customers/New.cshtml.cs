using Dealership.Application.Common;
using Dealership.Application.Customers;
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
public sealed class NewModel(IMediator mediator, ICurrentStaff staff, FormSubmissions submissions) : PageModel
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
            SharedContact = new SharedContactWarning(ex.Message.Split(". Open", 2)[0] + ".", (Guid)ex.Facts["existingCustomerId"]!, (string)ex.Facts["existingCustomerName"]!);
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
