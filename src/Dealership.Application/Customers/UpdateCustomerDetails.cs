using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Application.Sites;
using Dealership.Domain.Customers;
using FluentValidation;
using Mediator;

namespace Dealership.Application.Customers;

/// <summary>
/// Corrects a customer's name, email or mobile (a new phone, a typo). The same rules as registration: a
/// contact already used by someone else is a 409 naming them unless staff confirm a different person.
/// </summary>
public static class UpdateCustomerDetails
{
    [Allowed(Access.EditCustomers)]
    public sealed record Command(Guid CustomerId, string FirstName, string LastName, string? Email, string? MobilePhone,
        bool AllowSharedContact, long? ExpectedVersion) : ICommand<CustomerView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(SiteContext site)
        {
            RuleFor(c => c.FirstName).NotEmpty().MaximumLength(100);
            RuleFor(c => c.LastName).NotEmpty().MaximumLength(100);
            RuleFor(c => c.Email).MaximumLength(254).EmailAddress().When(c => !string.IsNullOrWhiteSpace(c.Email))
                .WithMessage("'{PropertyValue}' is not an email address.");
            RuleFor(c => c.MobilePhone).CustomAsync(async (phone, context, ct) =>
            {
                if (!string.IsNullOrWhiteSpace(phone) && PhoneNumberRules.ToE164(phone, (await site.GetAsync(ct)).DefaultPhoneRegion, out var problem) is null)
                {
                    context.AddFailure(problem!);
                }
            });
        }
    }

    public sealed class Handler(DealershipDbContext db, ICurrentStaff staff, SiteContext siteContext, TimeProvider clock) : ICommandHandler<Command, CustomerView>
    {
        public async ValueTask<CustomerView> Handle(Command command, CancellationToken cancellationToken)
        {
            // Customers belong to the group (any site may serve them), so the scope is every customer.
            var customer = await db.Customers.ForChangeAsync(command.CustomerId, command.ExpectedVersion, "Customer", cancellationToken);

            var site = await siteContext.GetAsync(cancellationToken);
            var mobile = string.IsNullOrWhiteSpace(command.MobilePhone) ? null : PhoneNumberRules.ToE164(command.MobilePhone, site.DefaultPhoneRegion, out _);
            var emailKey = string.IsNullOrWhiteSpace(command.Email) ? null : command.Email.Trim().ToLowerInvariant();
            var sharing = await ContactUniqueness.FindCustomersSharingAsync(db, emailKey, mobile, customer.Id, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            if (sharing.Count > 0)
            {
                if (!command.AllowSharedContact)
                {
                    throw ContactUniqueness.InUse(sharing[0], emailKey, mobile);
                }

                customer.ConfirmSharedContact(new SharedContactConfirmation(staff.RequireStaffId(), "Confirmed as a different person when the contact was changed"), now);
            }

            customer.UpdateDetails(new CustomerDetails(command.FirstName, command.LastName, command.Email, mobile), now);
            return customer.ToView();
        }
    }
}
