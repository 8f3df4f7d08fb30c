using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Application.Sites;
using Dealership.Domain.Common;
using Dealership.Domain.Customers;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Customers;

/// <summary>
/// Registers a customer at the desk. Email and mobile must not already belong to another customer unless
/// staff confirm it is a different person sharing them (a household), which is recorded.
/// </summary>
public static class RegisterCustomer
{
    [Allowed(Access.EditCustomers)]
    public sealed record Command(
        string FirstName,
        string LastName,
        string? Email,
        string? MobilePhone,
        ContactChannel? PreferredChannel,
        string? Language,
        string? TimeZoneId,
        TimeOnly? QuietHoursStart,
        TimeOnly? QuietHoursEnd,
        bool SmsConsent,
        bool EmailConsent,
        string? ConsentSource,
        Guid? OwnerStaffId,
        bool AllowSharedContact,
        string? SharedContactNote) : ICommand<CustomerView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(SiteContext site)
        {
            RuleFor(c => c.FirstName).NotEmpty().MaximumLength(100);
            RuleFor(c => c.LastName).NotEmpty().MaximumLength(100);
            RuleFor(c => c).Must(c => !string.IsNullOrWhiteSpace(c.Email) || !string.IsNullOrWhiteSpace(c.MobilePhone))
                .OverridePropertyName("contact").WithMessage("Give an email address or a mobile number so we can keep the customer informed.");
            RuleFor(c => c.Email).MaximumLength(254).EmailAddress().When(c => !string.IsNullOrWhiteSpace(c.Email))
                .WithMessage("'{PropertyValue}' is not an email address.");
            RuleFor(c => c.MobilePhone).CustomAsync(async (phone, context, ct) =>
            {
                if (string.IsNullOrWhiteSpace(phone))
                {
                    return;
                }

                var region = (await site.GetAsync(ct)).DefaultPhoneRegion;
                if (PhoneNumberRules.ToE164(phone, region, out var problem) is null)
                {
                    context.AddFailure(problem!);
                }
            });
            ContactPreferenceRules.Apply(this, c => c.Language, c => c.TimeZoneId, c => c.QuietHoursStart, c => c.QuietHoursEnd, site);
            RuleFor(c => c.ConsentSource).MaximumLength(200);
            RuleFor(c => c.SharedContactNote).MaximumLength(500);
        }
    }

    public sealed class Handler(DealershipDbContext db, ICurrentStaff staff, SiteContext siteContext, TimeProvider clock)
        : ICommandHandler<Command, CustomerView>
    {
        public async ValueTask<CustomerView> Handle(Command command, CancellationToken cancellationToken)
        {
            var site = await siteContext.GetAsync(cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            var mobile = string.IsNullOrWhiteSpace(command.MobilePhone) ? null : PhoneNumberRules.ToE164(command.MobilePhone, site.DefaultPhoneRegion, out _);
            var emailKey = string.IsNullOrWhiteSpace(command.Email) ? null : command.Email.Trim().ToLowerInvariant();

            var sharing = await ContactUniqueness.FindCustomersSharingAsync(db, emailKey, mobile, exceptCustomerId: null, cancellationToken);
            SharedContactConfirmation? confirmation = null;
            if (sharing.Count > 0)
            {
                if (!command.AllowSharedContact)
                {
                    throw ContactUniqueness.InUse(sharing[0], emailKey, mobile);
                }

                confirmation = new SharedContactConfirmation(staff.RequireStaffId(), command.SharedContactNote);
            }

            if (command.OwnerStaffId is { } ownerId)
            {
                var ownerWorksHere = await db.StaffSites.AnyAsync(s => s.StaffUserId == ownerId && staff.SiteIds.Contains(s.SiteId), cancellationToken);
                if (!ownerWorksHere)
                {
                    throw new DomainRuleException("The chosen owner is not a staff member at your sites. Pick someone who works at one of them.", "owner-not-found");
                }
            }

            var preferredChannel = command.PreferredChannel ?? (mobile is not null ? ContactChannel.Sms : ContactChannel.Email);
            var preferences = new ContactPreferences(
                preferredChannel,
                command.Language ?? site.DefaultLanguage,
                command.TimeZoneId ?? site.TimeZoneId,
                command.QuietHoursStart,
                command.QuietHoursEnd,
                command.SmsConsent,
                command.EmailConsent,
                string.IsNullOrWhiteSpace(command.ConsentSource) ? $"Recorded by staff at {site.Code}" : command.ConsentSource.Trim());

            var customer = new Customer(
                new CustomerDetails(command.FirstName, command.LastName, command.Email, mobile),
                preferences,
                command.OwnerStaffId,
                site.Id,
                confirmation,
                now);
            db.Customers.Add(customer);
            return customer.ToView();
        }
    }
}

/// <summary>Validation shared by registration and the contact-preferences update.</summary>
internal static class ContactPreferenceRules
{
    public static void Apply<T>(AbstractValidator<T> validator,
        System.Linq.Expressions.Expression<Func<T, string?>> language,
        System.Linq.Expressions.Expression<Func<T, string?>> timeZone,
        System.Linq.Expressions.Expression<Func<T, TimeOnly?>> quietStart,
        System.Linq.Expressions.Expression<Func<T, TimeOnly?>> quietEnd,
        SiteContext site)
    {
        validator.RuleFor(language).MustAsync(async (lang, ct) => lang is null || (await site.GetAsync(ct)).SupportsLanguage(lang))
            .WithMessage(x => "Language must be one of this site's languages.");
        validator.RuleFor(timeZone).Must(tz => tz is null || TimeZoneInfo.TryFindSystemTimeZoneById(tz, out _))
            .WithMessage("'{PropertyValue}' is not a time zone. Use an IANA id such as America/Los_Angeles.");
        var start = quietStart.Compile();
        var end = quietEnd.Compile();
        validator.RuleFor(quietEnd).Must((x, _) => start(x).HasValue == end(x).HasValue)
            .WithMessage("Give both the start and the end of quiet hours, or neither.");
    }
}

/// <summary>One email or phone normally identifies one customer; this finds who already uses them.</summary>
internal static class ContactUniqueness
{
    public sealed record Holder(Guid Id, string Name, bool SameEmail, bool SamePhone);

    public static async Task<List<Holder>> FindCustomersSharingAsync(DealershipDbContext db, string? emailKey, string? mobile,
        Guid? exceptCustomerId, CancellationToken ct)
    {
        if (emailKey is null && mobile is null)
        {
            return [];
        }

        return await db.Customers.AsNoTracking()
            .Where(c => c.Id != exceptCustomerId && ((emailKey != null && c.EmailKey == emailKey) || (mobile != null && c.MobilePhone == mobile)))
            .OrderBy(c => c.CreatedAt)
            .Select(c => new Holder(c.Id, c.FirstName + " " + c.LastName, emailKey != null && c.EmailKey == emailKey, mobile != null && c.MobilePhone == mobile))
            .Take(5)
            .ToListAsync(ct);
    }

    public static DomainRuleException InUse(Holder holder, string? emailKey, string? mobile)
    {
        var what = holder.SameEmail && holder.SamePhone ? "email address and mobile number are" : holder.SameEmail ? "email address is" : "mobile number is";
        var error = new DomainRuleException(
            $"This {what} already used by customer {holder.Name} ({holder.Id}). Open that customer instead, or if this is a different person sharing it (for example a household member), send allowSharedContact: true.",
            "contact-in-use");
        error.Facts["existingCustomerId"] = holder.Id;
        error.Facts["existingCustomerName"] = holder.Name;
        error.Facts["sharedEmail"] = holder.SameEmail ? emailKey : null;
        error.Facts["sharedMobilePhone"] = holder.SamePhone ? mobile : null;
        return error;
    }
}
