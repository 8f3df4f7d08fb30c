using Dealership.Domain.Common;

namespace Dealership.Domain.Customers;

/// <summary>
/// A customer of the dealership group (not of one site). Holds how and when they want to hear from us:
/// channel, language, quiet hours and per-channel consent with when and how it was given, because every
/// message we send later must be able to show it was allowed.
/// </summary>
public sealed class Customer : AggregateRoot
{
    private readonly List<Vehicle> _vehicles = [];

    private Customer() { }

    public Customer(CustomerDetails details, ContactPreferences preferences, Guid? ownerStaffId,
        Guid registeredAtSiteId, SharedContactConfirmation? sharedContact, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(preferences);
        CreatedAt = now;
        UpdatedAt = now;
        RegisteredAtSiteId = registeredAtSiteId;
        OwnerStaffId = ownerStaffId;
        ApplyDetails(details);
        ApplyPreferences(preferences, now);
        if (sharedContact is not null)
        {
            SharedContactConfirmedBy = sharedContact.ConfirmedBy;
            SharedContactConfirmedAt = now;
            SharedContactNote = sharedContact.Note;
        }

        Raise(new CustomerRegistered(this, now));
    }

    public string FirstName { get; private set; } = "";

    public string LastName { get; private set; } = "";

    /// <summary>Lower-case copies used by the indexed prefix search (the same on every provider's collation).</summary>
    public string FirstNameKey { get; private set; } = "";

    public string LastNameKey { get; private set; } = "";

    public string? Email { get; private set; }

    public string? EmailKey { get; private set; }

    /// <summary>Mobile number in E.164 form (+15035550123).</summary>
    public string? MobilePhone { get; private set; }

    public ContactChannel PreferredChannel { get; private set; }

    /// <summary>Language code for messages, one of the site's languages ("en", "es").</summary>
    public string Language { get; private set; } = "en";

    /// <summary>IANA time zone the customer lives in; quiet hours are read in it.</summary>
    public string TimeZoneId { get; private set; } = "";

    public TimeOnly? QuietHoursStart { get; private set; }

    public TimeOnly? QuietHoursEnd { get; private set; }

    public bool SmsConsent { get; private set; }

    public DateTime? SmsConsentChangedAt { get; private set; }

    public string? SmsConsentSource { get; private set; }

    public bool EmailConsent { get; private set; }

    public DateTime? EmailConsentChangedAt { get; private set; }

    public string? EmailConsentSource { get; private set; }

    /// <summary>The staff member who looks after this customer, if one has been assigned.</summary>
    public Guid? OwnerStaffId { get; private set; }

    public Guid RegisteredAtSiteId { get; private set; }

    /// <summary>Set when staff confirmed that a shared email or phone belongs to a different person.</summary>
    public Guid? SharedContactConfirmedBy { get; private set; }

    public DateTime? SharedContactConfirmedAt { get; private set; }

    public string? SharedContactNote { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public IReadOnlyList<Vehicle> Vehicles => _vehicles;

    public string FullName => $"{FirstName} {LastName}";

    /// <param name="byCustomer">True when the customer changed them (tracking page, a STOP reply), false for staff.</param>
    public void UpdateContactPreferences(ContactPreferences preferences, DateTime now, bool byCustomer = false)
    {
        ArgumentNullException.ThrowIfNull(preferences);
        var before = (PreferredChannel, Language, QuietHoursStart, QuietHoursEnd, SmsConsent, EmailConsent, TimeZoneId);
        ApplyPreferences(preferences, now);
        UpdatedAt = now;
        RecordChange();
        var changed = before != (PreferredChannel, Language, QuietHoursStart, QuietHoursEnd, SmsConsent, EmailConsent, TimeZoneId);
        Raise(new ContactPreferencesChanged(this, now, byCustomer, changed, before.SmsConsent != SmsConsent, before.EmailConsent != EmailConsent, preferences.ConsentSource));
    }

    /// <summary>
    /// The number replied STOP (or the carrier reported it opted out): no more texts. Email stays as it was.
    /// If texts were the preferred channel, email takes over when the customer has an address.
    /// </summary>
    public void OptOutOfSms(string source, DateTime now)
    {
        if (!SmsConsent)
        {
            return;
        }

        var channel = PreferredChannel == ContactChannel.Email || Email is null ? PreferredChannel : ContactChannel.Email;
        UpdateContactPreferences(new ContactPreferences(channel, Language, TimeZoneId, QuietHoursStart, QuietHoursEnd, SmsConsent: false, EmailConsent, source), now, byCustomer: true);
    }

    /// <summary>The number replied START: texts are allowed again.</summary>
    public void OptInToSms(string source, DateTime now)
    {
        if (SmsConsent || MobilePhone is null)
        {
            return;
        }

        UpdateContactPreferences(new ContactPreferences(PreferredChannel, Language, TimeZoneId, QuietHoursStart, QuietHoursEnd, SmsConsent: true, EmailConsent, source), now, byCustomer: true);
    }

    /// <summary>Whether a message may go to this customer on <paramref name="sms"/> (true) or email (false): consent and a contact detail.</summary>
    public bool CanReceive(bool sms) => sms ? SmsConsent && MobilePhone is not null : EmailConsent && Email is not null;

    /// <summary>The channels the customer asked for, in order of preference.</summary>
    public IReadOnlyList<ContactChannel> ChosenChannels => PreferredChannel switch
    {
        ContactChannel.Both => [ContactChannel.Sms, ContactChannel.Email],
        var single => [single],
    };

    /// <summary>Corrects name, email or mobile. A channel left without its contact detail cannot stay the preferred one.</summary>
    public void UpdateDetails(CustomerDetails details, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (string.IsNullOrWhiteSpace(details.Email) && string.IsNullOrWhiteSpace(details.MobilePhoneE164))
        {
            throw new DomainRuleException("Keep an email address or a mobile number so we can keep the customer informed.", "contact-required");
        }

        ApplyDetails(details);
        if ((PreferredChannel is ContactChannel.Sms or ContactChannel.Both && MobilePhone is null) ||
            (PreferredChannel is ContactChannel.Email or ContactChannel.Both && Email is null))
        {
            throw new DomainRuleException("The preferred channel would have no contact detail left. Change the preferred channel first.", "channel-without-contact");
        }

        UpdatedAt = now;
        RecordChange();
        Raise(new CustomerDetailsChanged(this, now));
    }

    public void ConfirmSharedContact(SharedContactConfirmation confirmation, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(confirmation);
        SharedContactConfirmedBy = confirmation.ConfirmedBy;
        SharedContactConfirmedAt = now;
        SharedContactNote = confirmation.Note;
        RecordChange();
    }

    /// <summary>
    /// Registers a vehicle the customer owns. The VIN must be valid; the same VIN twice on one customer is
    /// refused (uniqueness across customers is checked by the caller, which can see other customers).
    /// </summary>
    public Vehicle AddVehicle(string vin, int year, string make, string model, string? trim, string? color,
        int? odometer, DateTime now)
    {
        var normalized = Vin.Normalize(vin, out var problem) ?? throw new ArgumentException(problem, nameof(vin));
        if (_vehicles.Any(v => v.Vin == normalized))
        {
            throw new DomainRuleException($"Vehicle {normalized} is already on this customer's record.", "vehicle-already-registered");
        }

        var vehicle = new Vehicle(Id, normalized, year, make, model, trim, color, odometer, now);
        _vehicles.Add(vehicle);
        UpdatedAt = now;
        RecordChange();
        Raise(new VehicleAdded(this, vehicle, now));
        return vehicle;
    }

    private void ApplyDetails(CustomerDetails details)
    {
        FirstName = details.FirstName.Trim();
        LastName = details.LastName.Trim();
        FirstNameKey = SearchKey(FirstName);
        LastNameKey = SearchKey(LastName);
        Email = string.IsNullOrWhiteSpace(details.Email) ? null : details.Email.Trim();
        EmailKey = Email?.ToLowerInvariant();
        MobilePhone = string.IsNullOrWhiteSpace(details.MobilePhoneE164) ? null : details.MobilePhoneE164;
        if (FirstName.Length == 0 || LastName.Length == 0)
        {
            throw new ArgumentException("A customer needs a first and a last name.", nameof(details));
        }
    }

    private void ApplyPreferences(ContactPreferences preferences, DateTime now)
    {
        if (preferences.PreferredChannel == ContactChannel.Sms && MobilePhone is null)
        {
            throw new DomainRuleException("Text messages are the preferred channel but the customer has no mobile number. Add one or choose email.", "channel-without-contact");
        }

        if (preferences.PreferredChannel == ContactChannel.Both && (Email is null || MobilePhone is null))
        {
            throw new DomainRuleException("Both channels were chosen but the customer lacks a mobile number or an email address. Add the missing one or choose a single channel.", "channel-without-contact");
        }

        if (preferences.PreferredChannel == ContactChannel.Email && Email is null)
        {
            throw new DomainRuleException("Email is the preferred channel but the customer has no email address. Add one or choose text messages.", "channel-without-contact");
        }

        if ((preferences.QuietHoursStart is null) != (preferences.QuietHoursEnd is null))
        {
            throw new ArgumentException("Quiet hours need both a start and an end.", nameof(preferences));
        }

        PreferredChannel = preferences.PreferredChannel;
        Language = preferences.Language;
        TimeZoneId = preferences.TimeZoneId;
        QuietHoursStart = preferences.QuietHoursStart;
        QuietHoursEnd = preferences.QuietHoursEnd;

        // Consent history matters: only a real change moves the timestamp and the source.
        if (SmsConsentChangedAt is null || SmsConsent != preferences.SmsConsent)
        {
            SmsConsent = preferences.SmsConsent;
            SmsConsentChangedAt = now;
            SmsConsentSource = preferences.ConsentSource;
        }

        if (EmailConsentChangedAt is null || EmailConsent != preferences.EmailConsent)
        {
            EmailConsent = preferences.EmailConsent;
            EmailConsentChangedAt = now;
            EmailConsentSource = preferences.ConsentSource;
        }
    }

    /// <summary>True when <paramref name="utc"/> falls in the customer's quiet hours (which may span midnight).</summary>
    public bool IsInQuietHours(DateTime utc)
    {
        if (QuietHoursStart is not { } start || QuietHoursEnd is not { } end)
        {
            return false;
        }

        var zone = TimeZones.Find(TimeZoneId);
        var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone));
        return start <= end ? local >= start && local < end : local >= start || local < end;
    }

    public static string SearchKey(string value) => value.Trim().ToLowerInvariant();
}

public enum ContactChannel
{
    Sms,
    Email,
    Both,
}

public sealed record CustomerDetails(string FirstName, string LastName, string? Email, string? MobilePhoneE164);

/// <summary>How the customer wants to be contacted. <see cref="ConsentSource"/> says how consent was captured ("in person at PDX", "web form").</summary>
public sealed record ContactPreferences(
    ContactChannel PreferredChannel,
    string Language,
    string TimeZoneId,
    TimeOnly? QuietHoursStart,
    TimeOnly? QuietHoursEnd,
    bool SmsConsent,
    bool EmailConsent,
    string ConsentSource);

public sealed record SharedContactConfirmation(Guid ConfirmedBy, string? Note);

public sealed record CustomerRegistered(Customer Customer, DateTime OccurredAt) : IDomainEvent;

/// <summary>Preferences were saved. <see cref="Changed"/> is false when nothing actually differed.</summary>
public sealed record ContactPreferencesChanged(Customer Customer, DateTime OccurredAt, bool ByCustomer, bool Changed, bool SmsConsentChanged,
    bool EmailConsentChanged, string Source) : IDomainEvent;

public sealed record CustomerDetailsChanged(Customer Customer, DateTime OccurredAt) : IDomainEvent;

public sealed record VehicleAdded(Customer Customer, Vehicle Vehicle, DateTime OccurredAt) : IDomainEvent;
