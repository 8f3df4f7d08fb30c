using Dealership.Domain.Customers;
using Dealership.Domain.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dealership.Application.Data;

// Mapping lives next to the DbContext; column sizes are explicit so SQL Server gets indexable nvarchar(n)
// columns instead of nvarchar(max). Every column a list filters or sorts on is indexed.

internal sealed class SiteConfiguration : IEntityTypeConfiguration<Site>
{
    public void Configure(EntityTypeBuilder<Site> builder)
    {
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Property(s => s.Code).HasMaxLength(10);
        builder.HasIndex(s => s.Code).IsUnique();
        builder.Property(s => s.Name).HasMaxLength(100);
        builder.Property(s => s.TimeZoneId).HasMaxLength(64);
        builder.Property(s => s.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(s => s.DistanceUnit).HasConversion<string>().HasMaxLength(12);
        builder.Property(s => s.DefaultPhoneRegion).HasMaxLength(2);
        builder.Property(s => s.Languages).HasMaxLength(40);
        builder.Property(s => s.PublicPhone).HasMaxLength(30);
        builder.Property(s => s.PublicEmail).HasMaxLength(254);
        builder.Property(s => s.Address).HasMaxLength(200);
        builder.Property(s => s.QuietHoursStart).HasDefaultValue(new TimeOnly(20, 0));
        builder.Property(s => s.QuietHoursEnd).HasDefaultValue(new TimeOnly(8, 0));
        // Existing sites keep taking every method, with the usual cash line and clearing time, until a manager says otherwise.
        builder.Property(s => s.AcceptedPaymentMethods).HasMaxLength(200).HasDefaultValue(PaymentTerms.AllMethods);
        builder.Property(s => s.CashLimit).HasDefaultValue(1_000_000L);
        builder.Property(s => s.CheckClearanceDays).HasDefaultValue(5);
        builder.Ignore(s => s.LanguageList);
        builder.Ignore(s => s.DefaultLanguage);
        builder.Ignore(s => s.TimeZone);
        builder.Ignore(s => s.OpenDays);
        builder.Ignore(s => s.DomainEvents);
        builder.OwnsMany(s => s.OpeningHours, hours =>
        {
            hours.ToTable("SiteOpeningHours");
            hours.WithOwner().HasForeignKey("SiteId");
            hours.Property<int>("Id");
            hours.HasKey("Id");
            hours.Property(h => h.Day).HasConversion<string>().HasMaxLength(10);
        });
        builder.Navigation(s => s.OpeningHours).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class StaffUserConfiguration : IEntityTypeConfiguration<StaffUser>
{
    public void Configure(EntityTypeBuilder<StaffUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(100);
        builder.Property(u => u.Version).IsConcurrencyToken();
        builder.HasMany(u => u.Sites).WithOne().HasForeignKey(a => a.StaffUserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StaffSiteAssignmentConfiguration : IEntityTypeConfiguration<StaffSiteAssignment>
{
    public void Configure(EntityTypeBuilder<StaffSiteAssignment> builder)
    {
        builder.ToTable("StaffSites");
        builder.HasKey(a => new { a.StaffUserId, a.SiteId });
        builder.HasIndex(a => a.SiteId);
        builder.HasOne<Site>().WithMany().HasForeignKey(a => a.SiteId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> builder)
    {
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.DomainEvents);
        builder.Ignore(c => c.FullName);
        builder.Property(c => c.FirstName).HasMaxLength(100);
        builder.Property(c => c.LastName).HasMaxLength(100);
        builder.Property(c => c.FirstNameKey).HasMaxLength(100);
        builder.Property(c => c.LastNameKey).HasMaxLength(100);
        builder.Property(c => c.Email).HasMaxLength(254);
        builder.Property(c => c.EmailKey).HasMaxLength(254);
        builder.Property(c => c.MobilePhone).HasMaxLength(16);
        builder.Property(c => c.PreferredChannel).HasConversion<string>().HasMaxLength(10);
        builder.Property(c => c.Language).HasMaxLength(8);
        builder.Property(c => c.TimeZoneId).HasMaxLength(64);
        builder.Property(c => c.SmsConsentSource).HasMaxLength(200);
        builder.Property(c => c.EmailConsentSource).HasMaxLength(200);
        builder.Property(c => c.SharedContactNote).HasMaxLength(500);

        // Search paths: name prefix (last name first, as staff sort), email prefix, exact phone.
        builder.HasIndex(c => new { c.LastNameKey, c.FirstNameKey });
        builder.HasIndex(c => c.FirstNameKey);
        builder.HasIndex(c => c.EmailKey);
        builder.HasIndex(c => c.MobilePhone);
        builder.HasIndex(c => c.OwnerStaffId);

        builder.HasOne<StaffUser>().WithMany().HasForeignKey(c => c.OwnerStaffId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Site>().WithMany().HasForeignKey(c => c.RegisteredAtSiteId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Vehicles).WithOne().HasForeignKey(v => v.CustomerId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Vehicles).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class VehicleConfiguration : IEntityTypeConfiguration<Vehicle>
{
    public void Configure(EntityTypeBuilder<Vehicle> builder)
    {
        builder.Ignore(v => v.Description);
        builder.Ignore(v => v.ShortName);
        builder.Property(v => v.Vin).HasMaxLength(17).IsFixedLength();
        // One registration per VIN: a car changes hands through a transfer, never by being added twice.
        builder.HasIndex(v => v.Vin).IsUnique();
        builder.Property(v => v.Make).HasMaxLength(50);
        builder.Property(v => v.Model).HasMaxLength(50);
        builder.Property(v => v.Trim).HasMaxLength(50);
        builder.Property(v => v.Color).HasMaxLength(30);
    }
}

internal sealed class SeedMarkConfiguration : IEntityTypeConfiguration<SeedMark>
{
    public void Configure(EntityTypeBuilder<SeedMark> builder)
    {
        builder.HasKey(m => m.Key);
        builder.Property(m => m.Key).HasMaxLength(100);
    }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.Property(r => r.Scope).HasMaxLength(64);
        builder.Property(r => r.Key).HasMaxLength(100);
        builder.Property(r => r.RequestHash).HasMaxLength(64);
        builder.Property(r => r.ContentType).HasMaxLength(100);
        builder.Property(r => r.Location).HasMaxLength(500);
        builder.Property(r => r.ETag).HasMaxLength(100);
        builder.HasIndex(r => new { r.Scope, r.Key }).IsUnique();
        builder.HasIndex(r => r.CreatedAt);
    }
}
