using Dealership.Domain.Common;
using Dealership.Domain.Customers;

namespace Dealership.UnitTests;

public sealed class CustomerTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 15, 0, 0, DateTimeKind.Utc);

    private static Customer NewCustomer(ContactChannel channel = ContactChannel.Sms, string? email = "ann@example.com", string? mobile = "+15035550100",
        TimeOnly? quietStart = null, TimeOnly? quietEnd = null) =>
        new(new CustomerDetails("Ann", "Smith", email, mobile),
            new ContactPreferences(channel, "en", "America/Los_Angeles", quietStart, quietEnd, SmsConsent: true, EmailConsent: false, "desk"),
            ownerStaffId: null, registeredAtSiteId: Guid.NewGuid(), sharedContact: null, Now);

    [Test]
    public void Register_RaisesCustomerRegistered_AndRecordsConsentWithTimeAndSource()
    {
        var customer = NewCustomer();

        Assert.That(customer.DomainEvents, Has.Exactly(1).InstanceOf<CustomerRegistered>());
        Assert.That(customer.SmsConsent, Is.True);
        Assert.That(customer.SmsConsentChangedAt, Is.EqualTo(Now));
        Assert.That(customer.SmsConsentSource, Is.EqualTo("desk"));
        Assert.That(customer.LastNameKey, Is.EqualTo("smith"));
        Assert.That(customer.EmailKey, Is.EqualTo("ann@example.com"));
    }

    [Test]
    public void Register_WhenPreferredChannelHasNoContactDetail_IsRefused()
    {
        var error = Assert.Throws<DomainRuleException>(() => NewCustomer(ContactChannel.Sms, mobile: null));
        Assert.That(error!.Code, Is.EqualTo("channel-without-contact"));
    }

    [Test]
    public void UpdatePreferences_OnlyMovesConsentTimestampWhenConsentChanges()
    {
        var customer = NewCustomer();
        var later = Now.AddDays(3);

        customer.UpdateContactPreferences(new ContactPreferences(ContactChannel.Email, "es", "America/Boise", null, null, SmsConsent: true, EmailConsent: true, "phone call"), later);

        Assert.That(customer.SmsConsentChangedAt, Is.EqualTo(Now), "SMS consent did not change, so its record stays as it was");
        Assert.That(customer.EmailConsentChangedAt, Is.EqualTo(later));
        Assert.That(customer.EmailConsentSource, Is.EqualTo("phone call"));
        Assert.That(customer.DomainEvents.OfType<ContactPreferencesChanged>(), Has.Exactly(1).Items);
    }

    [Test]
    public void RecordChange_AdvancesVersionOncePerUnitOfWork()
    {
        var customer = NewCustomer();
        customer.UpdateContactPreferences(new ContactPreferences(ContactChannel.Sms, "en", "America/Los_Angeles", null, null, true, true, "x"), Now);
        customer.AddVehicle("1HGCM82633A004352", 2003, "Honda", "Accord", null, null, null, Now);
        Assert.That(customer.Version, Is.EqualTo(1));

        customer.MarkSaved();
        customer.AddVehicle("11111111111111111", 2001, "Ford", "Focus", null, null, null, Now);
        Assert.That(customer.Version, Is.EqualTo(2));
    }

    [Test]
    public void AddVehicle_SameVinTwice_IsRefused()
    {
        var customer = NewCustomer();
        customer.AddVehicle("1HGCM82633A004352", 2003, "Honda", "Accord", "EX", "Silver", 120_000, Now);

        var error = Assert.Throws<DomainRuleException>(() => customer.AddVehicle("1hgcm82633a004352", 2003, "Honda", "Accord", null, null, null, Now));
        Assert.That(error!.Code, Is.EqualTo("vehicle-already-registered"));
        Assert.That(customer.DomainEvents.OfType<VehicleAdded>(), Has.Exactly(1).Items);
    }

    [Test]
    public void AddVehicle_WithInvalidVinOrYear_IsRefused()
    {
        var customer = NewCustomer();
        Assert.Throws<ArgumentException>(() => customer.AddVehicle("1HGCM82635A004352", 2003, "Honda", "Accord", null, null, null, Now));
        Assert.Throws<ArgumentException>(() => customer.AddVehicle("1HGCM82633A004352", 1975, "Honda", "Accord", null, null, null, Now));
    }

    // Quiet hours 21:00-08:00 in Los Angeles, which is UTC-8 on 23 November.
    [TestCase(7, 0, true)]    // 23:00 local
    [TestCase(15, 30, true)]  // 07:30 local
    [TestCase(16, 0, false)]  // 08:00 local: quiet hours are over
    [TestCase(20, 0, false)]  // noon local
    [TestCase(5, 0, true)]    // 21:00 local: quiet hours begin
    public void IsInQuietHours_SpansMidnightInTheCustomersTimeZone(int utcHour, int utcMinute, bool expected)
    {
        var customer = NewCustomer(quietStart: new TimeOnly(21, 0), quietEnd: new TimeOnly(8, 0));
        var utc = new DateTime(2026, 11, 23, utcHour, utcMinute, 0, DateTimeKind.Utc);

        Assert.That(customer.IsInQuietHours(utc), Is.EqualTo(expected));
    }

    [Test]
    public void IsInQuietHours_WithoutQuietHours_IsNeverQuiet()
    {
        Assert.That(NewCustomer().IsInQuietHours(Now), Is.False);
    }
}
