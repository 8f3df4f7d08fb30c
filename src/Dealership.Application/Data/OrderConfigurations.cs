using Dealership.Domain.Customers;
using Dealership.Domain.Orders;
using Dealership.Domain.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dealership.Application.Data;

internal sealed class VehicleOrderConfiguration : IEntityTypeConfiguration<VehicleOrder>
{
    public void Configure(EntityTypeBuilder<VehicleOrder> builder)
    {
        builder.ToTable("Orders");
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.Ignore(o => o.DomainEvents);
        builder.Ignore(o => o.Price);
        builder.Ignore(o => o.Fees);
        builder.Ignore(o => o.Paid);
        builder.Ignore(o => o.Refundable);
        builder.Property(o => o.PayoutReference).HasMaxLength(100);
        builder.Ignore(o => o.IsCancelled);
        builder.Ignore(o => o.IsActive);
        builder.Ignore(o => o.NextMilestone);
        builder.Ignore(o => o.ChecklistComplete);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(o => o.KeysHandedOverBy).OnDelete(DeleteBehavior.Restrict);
        builder.PrimitiveCollection(o => o.ProposedCollectionTimes).HasField("_proposedCollectionTimes").UsePropertyAccessMode(PropertyAccessMode.Field)
            .Metadata.SetValueComparer(new ProposedTimesComparer());
        builder.Property(o => o.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(24);
        builder.Property(o => o.CancellationReason).HasMaxLength(500);
        builder.ComplexProperty(o => o.Vehicle, v =>
        {
            v.Property(x => x.Make).HasMaxLength(50).HasColumnName("VehicleMake");
            v.Property(x => x.Model).HasMaxLength(50).HasColumnName("VehicleModel");
            v.Property(x => x.Year).HasColumnName("VehicleYear");
            v.Property(x => x.Trim).HasMaxLength(50).HasColumnName("VehicleTrim");
            v.Property(x => x.Color).HasMaxLength(30).HasColumnName("VehicleColor");
            v.Property(x => x.Options).HasMaxLength(500).HasColumnName("VehicleOptions");
            v.Property(x => x.Vin).HasMaxLength(17).HasColumnName("VehicleVin");
        });

        builder.OwnsMany(o => o.Milestones, m =>
        {
            m.ToTable("OrderMilestones");
            m.WithOwner().HasForeignKey("OrderId");
            m.Property<int>("Id");
            m.HasKey("Id");
            m.Property(x => x.Milestone).HasConversion<string>().HasMaxLength(24);
            m.Property(x => x.LastChangeReason).HasMaxLength(500);
            m.HasIndex("OrderId", nameof(MilestoneRecord.Milestone)).IsUnique();
        });
        builder.Navigation(o => o.Milestones).UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(o => o.Checklist, c =>
        {
            c.ToTable("OrderChecklist");
            c.WithOwner().HasForeignKey("OrderId");
            c.Property<int>("Id");
            c.HasKey("Id");
            c.Property(x => x.Item).HasConversion<string>().HasMaxLength(30);
            c.Ignore(x => x.IsDone);
            c.Ignore(x => x.NeedsCustomer);
        });
        builder.Navigation(o => o.Checklist).UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(o => o.FeeItems, f =>
        {
            f.ToTable("OrderFees");
            f.WithOwner().HasForeignKey("OrderId");
            f.Property<int>("Id");
            f.HasKey("Id");
            f.Property(x => x.Kind).HasConversion<string>().HasMaxLength(24);
        });
        builder.Navigation(o => o.FeeItems).UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(o => o.Concessions, c =>
        {
            c.ToTable("OrderConcessions");
            c.WithOwner().HasForeignKey("OrderId");
            c.Property<int>("Id");
            c.HasKey("Id");
            c.Property(x => x.Kind).HasConversion<string>().HasMaxLength(24);
            c.Property(x => x.Reason).HasMaxLength(500);
            // One grant per decision: an approval answered twice (or retried) cannot give the money twice.
            c.HasIndex("OrderId", nameof(OrderConcession.DecisionId)).IsUnique();
        });
        builder.Navigation(o => o.Concessions).UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.HasMany(o => o.Payments).WithOne().HasForeignKey(p => p.OrderId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(o => o.Payments).UsePropertyAccessMode(PropertyAccessMode.Field);

        // The deliveries board and the order list filter by site, owner and state.
        builder.HasIndex(o => new { o.SiteId, o.Status, o.CancelledAt });
        builder.HasIndex(o => new { o.OwnerStaffId, o.Status });
        builder.HasIndex(o => o.CustomerId);
        builder.HasOne<Customer>().WithMany().HasForeignKey(o => o.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Site>().WithMany().HasForeignKey(o => o.SiteId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(o => o.OwnerStaffId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> builder)
    {
        builder.Ignore(p => p.CountsAsPaid);
        builder.Property(p => p.Method).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(12);
        builder.Property(p => p.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(p => p.Reference).HasMaxLength(100);
        builder.Property(p => p.VerificationNote).HasMaxLength(300);
        builder.Property(p => p.SettlementNote).HasMaxLength(300);
        builder.HasIndex(p => p.OrderId);
    }
}

internal sealed class CollectionBookingConfiguration : IEntityTypeConfiguration<Dealership.Domain.Handover.CollectionBooking>
{
    public void Configure(EntityTypeBuilder<Dealership.Domain.Handover.CollectionBooking> builder)
    {
        builder.Property(b => b.StatedVia).HasConversion<string>().HasMaxLength(20).HasDefaultValue(Dealership.Domain.Handover.ChoiceChannel.TrackingPage);
        // The guarantee against double-booking lives in the database, so it holds under concurrent picks on
        // every provider: one booking per bay and start time, and one per order.
        builder.HasIndex(b => new { b.SiteId, b.Bay, b.StartsAt }).IsUnique();
        builder.HasIndex(b => b.OrderId).IsUnique();
        builder.HasIndex(b => new { b.OwnerStaffId, b.StartsAt });
        builder.HasOne<VehicleOrder>().WithMany().HasForeignKey(b => b.OrderId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StaffAvailabilityConfiguration : IEntityTypeConfiguration<Dealership.Domain.Handover.StaffAvailability>
{
    public void Configure(EntityTypeBuilder<Dealership.Domain.Handover.StaffAvailability> builder)
    {
        builder.HasIndex(a => a.StaffId).IsUnique();
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(a => a.StaffId).OnDelete(DeleteBehavior.Cascade);
        builder.OwnsMany(a => a.Hours, h =>
        {
            h.ToTable("StaffWorkingHours");
            h.WithOwner().HasForeignKey("StaffAvailabilityId");
            h.Property<int>("Id");
            h.HasKey("Id");
            h.Property(x => x.Day).HasConversion<string>().HasMaxLength(10);
        });
        builder.OwnsMany(a => a.Blocked, b =>
        {
            b.ToTable("StaffBlockedTime");
            b.WithOwner().HasForeignKey("StaffAvailabilityId");
            b.Property<int>("Id");
            b.HasKey("Id");
            b.Property(x => x.Reason).HasMaxLength(200);
        });
        builder.Navigation(a => a.Hours).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(a => a.Blocked).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class CustomerPromiseConfiguration : IEntityTypeConfiguration<Dealership.Domain.Promises.CustomerPromise>
{
    public void Configure(EntityTypeBuilder<Dealership.Domain.Promises.CustomerPromise> builder)
    {
        builder.ToTable("Promises");
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.DomainEvents);
        builder.Property(p => p.Description).HasMaxLength(300);
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(12);
        builder.Property(p => p.State).HasConversion<string>().HasMaxLength(14);
        builder.Property(p => p.SubjectType).HasMaxLength(30);
        builder.Property(p => p.Milestone).HasMaxLength(30);
        builder.Property(p => p.ResolutionNote).HasMaxLength(500);
        // Lists by owner and due time; the watchdog's sweep of open promises past due; kept rates per site.
        builder.HasIndex(p => new { p.OwnerStaffId, p.State, p.DueAt });
        builder.HasIndex(p => new { p.State, p.DueAt });
        builder.HasIndex(p => new { p.SiteId, p.State });
        builder.HasIndex(p => new { p.SiteId, p.ResolvedAt });
        builder.HasIndex(p => new { p.SubjectId, p.Milestone });
        builder.HasOne<Customer>().WithMany().HasForeignKey(p => p.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>
/// Compares and copies an order's proposed collection times for change tracking. EF's own comparer for a list of values
/// passes the element comparer to its methods as a lambda inside the expression it compiles, so every comparison and
/// every snapshot of every order made a new delegate through reflection (a twentieth of a milestone's CPU, issue #14).
/// These expressions call plain methods.
/// </summary>
internal sealed class ProposedTimesComparer() : Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<IReadOnlyList<DateTime>>(
    (a, b) => Same(a, b), times => HashOf(times), times => Copy(times))
{
    private static bool Same(IReadOnlyList<DateTime>? a, IReadOnlyList<DateTime>? b) =>
        ReferenceEquals(a, b) || (a is not null && b is not null && a.SequenceEqual(b));

    private static int HashOf(IReadOnlyList<DateTime> times)
    {
        var hash = new HashCode();
        foreach (var time in times)
        {
            hash.Add(time);
        }

        return hash.ToHashCode();
    }

    private static List<DateTime> Copy(IReadOnlyList<DateTime> times) => [.. times];
}
