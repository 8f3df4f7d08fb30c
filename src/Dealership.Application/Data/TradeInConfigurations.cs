using Dealership.Domain.Custody;
using Dealership.Domain.Customers;
using Dealership.Domain.Orders;
using Dealership.Domain.Sites;
using Dealership.Domain.TradeIns;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dealership.Application.Data;

internal sealed class TradeInConfiguration : IEntityTypeConfiguration<TradeIn>
{
    public void Configure(EntityTypeBuilder<TradeIn> builder)
    {
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.Ignore(t => t.DomainEvents);
        builder.Ignore(t => t.HasLoan);
        builder.Ignore(t => t.Payoff);
        builder.Ignore(t => t.Offer);
        builder.Ignore(t => t.NegativeEquity);
        builder.Ignore(t => t.PayoutLagDays);
        builder.Property(t => t.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(24);
        builder.Property(t => t.Hold).HasConversion<string>().HasMaxLength(10);
        builder.Property(t => t.AnsweredVia).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.SoldAs).HasConversion<string>().HasMaxLength(10);
        builder.Property(t => t.LenderName).HasMaxLength(100);
        builder.Property(t => t.LenderAccount).HasMaxLength(60);
        builder.Property(t => t.MarketSource).HasMaxLength(200);
        builder.Property(t => t.OverrideReason).HasMaxLength(500);
        builder.Property(t => t.ReappraisalNote).HasMaxLength(500);
        builder.Property(t => t.PayoutReference).HasMaxLength(100);
        builder.Property(t => t.PayoffReference).HasMaxLength(100);
        builder.Property(t => t.LiveVin).HasMaxLength(17);
        // One live trade-in per car and per order, held by the database under concurrent requests (NULL once it is over).
        builder.HasIndex(t => t.LiveVin).IsUnique();
        builder.HasIndex(t => t.LiveOrderId).IsUnique();
        builder.ComplexProperty(t => t.Vehicle, v =>
        {
            v.Property(x => x.Vin).HasMaxLength(17).HasColumnName("Vin");
            v.Property(x => x.Year).HasColumnName("Year");
            v.Property(x => x.Make).HasMaxLength(50).HasColumnName("Make");
            v.Property(x => x.Model).HasMaxLength(50).HasColumnName("Model");
            v.Property(x => x.Trim).HasMaxLength(50).HasColumnName("Trim");
        });
        builder.ComplexProperty(t => t.Condition, c =>
        {
            c.Property(x => x.WarningLights).HasColumnName("WarningLights");
            c.Property(x => x.SmokeOrLeaks).HasColumnName("SmokeOrLeaks");
            c.Property(x => x.AccidentHistory).HasColumnName("AccidentHistory");
            c.Property(x => x.RepairsOver500).HasColumnName("RepairsOver500");
            c.Property(x => x.Keys).HasColumnName("DeclaredKeys");
            c.Property(x => x.Title).HasConversion<string>().HasMaxLength(12).HasColumnName("Title");
        });
        builder.OwnsMany(t => t.Reconditioning, r =>
        {
            r.ToTable("TradeInReconditioning");
            r.WithOwner().HasForeignKey("TradeInId");
            r.Property<int>("Id");
            r.HasKey("Id");
            r.Property(x => x.Description).HasMaxLength(200);
        });
        builder.Navigation(t => t.Reconditioning).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(t => t.Photos).WithOne().HasForeignKey(p => p.TradeInId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Photos).UsePropertyAccessMode(PropertyAccessMode.Field);

        // The appraisal queue (site, status, oldest first); an order's trade-in; the payoff watchdog's sweep.
        builder.HasIndex(t => new { t.SiteId, t.Status, t.RequestedAt });
        builder.HasIndex(t => t.OrderId);
        builder.HasIndex(t => new { t.SiteId, t.PayoffSentAt });
        builder.HasIndex(t => t.CustomerId);
        builder.HasIndex(t => new { t.Status, t.PayoffSentAt, t.PayoffDueBy });
        builder.HasOne<Customer>().WithMany().HasForeignKey(t => t.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Site>().WithMany().HasForeignKey(t => t.SiteId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<VehicleOrder>().WithMany().HasForeignKey(t => t.OrderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(t => t.RequestedBy).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TradeInPhotoConfiguration : IEntityTypeConfiguration<TradeInPhoto>
{
    public void Configure(EntityTypeBuilder<TradeInPhoto> builder)
    {
        builder.ToTable("TradeInPhotos");
        builder.Property(p => p.ContentType).HasMaxLength(40);
        builder.Property(p => p.StoredName).HasMaxLength(80);
        builder.HasIndex(p => p.TradeInId);
    }
}

internal sealed class CustodyRecordConfiguration : IEntityTypeConfiguration<CustodyRecord>
{
    public void Configure(EntityTypeBuilder<CustodyRecord> builder)
    {
        builder.ToTable("Custody");
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.DomainEvents);
        builder.Ignore(c => c.IsOpen);
        builder.Property(c => c.Item).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Description).HasMaxLength(200);
        builder.Property(c => c.SubjectType).HasMaxLength(20);
        builder.Property(c => c.ReleasedTo).HasMaxLength(100);
        // The register's open view per site; a subject's items; a customer's receipts on their page.
        builder.HasIndex(c => new { c.SiteId, c.ReleasedAt, c.Since });
        builder.HasIndex(c => new { c.SubjectType, c.SubjectId });
        builder.HasIndex(c => c.CustomerId);
        builder.HasOne<Customer>().WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Site>().WithMany().HasForeignKey(c => c.SiteId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(c => c.HolderStaffId).OnDelete(DeleteBehavior.Restrict);
    }
}
