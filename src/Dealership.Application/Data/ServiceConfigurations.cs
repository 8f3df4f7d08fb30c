using Dealership.Domain.Customers;
using Dealership.Domain.Decisions;
using Dealership.Domain.Parts;
using Dealership.Domain.Service;
using Dealership.Domain.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dealership.Application.Data;

internal sealed class ServiceOperationConfiguration : IEntityTypeConfiguration<ServiceOperation>
{
    public void Configure(EntityTypeBuilder<ServiceOperation> builder)
    {
        builder.ToTable("ServiceOperations");
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.Ignore(o => o.DomainEvents);
        builder.Property(o => o.Code).HasMaxLength(20);
        builder.Property(o => o.Description).HasMaxLength(200);
        builder.HasIndex(o => o.Code).IsUnique();
        builder.OwnsMany(o => o.Parts, p =>
        {
            p.ToTable("ServiceOperationParts");
            p.WithOwner().HasForeignKey("OperationId");
            p.Property<int>("Id");
            p.HasKey("Id");
            p.Property(x => x.PartNumber).HasMaxLength(40);
        });
        builder.Navigation(o => o.Parts).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class PartConfiguration : IEntityTypeConfiguration<Part>
{
    public void Configure(EntityTypeBuilder<Part> builder)
    {
        // The stock guard lives in the database too: whatever path writes the row, stock never goes negative
        // and never more is reserved than is on the shelf (SQLite and SQL Server both enforce CHECK).
        builder.ToTable("Parts", t => t.HasCheckConstraint("CK_Parts_Stock", "OnHand >= 0 AND Reserved >= 0 AND Reserved <= OnHand"));
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.DomainEvents);
        builder.Ignore(p => p.SellPrice);
        builder.Ignore(p => p.Available);
        builder.Property(p => p.PartNumber).HasMaxLength(40);
        builder.Property(p => p.Description).HasMaxLength(200);
        builder.Property(p => p.Currency).HasMaxLength(3).IsFixedLength();
        builder.HasIndex(p => new { p.SiteId, p.PartNumber }).IsUnique();
        builder.HasOne<Site>().WithMany().HasForeignKey(p => p.SiteId).OnDelete(DeleteBehavior.Restrict);
        builder.OwnsMany(p => p.Suppliers, s =>
        {
            s.ToTable("PartSuppliers");
            s.WithOwner().HasForeignKey("PartId");
            s.Property<int>("Id");
            s.HasKey("Id");
            s.HasIndex("PartId", nameof(PartSupplier.SupplierId)).IsUnique();
            s.HasOne<Supplier>().WithMany().HasForeignKey(x => x.SupplierId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Navigation(p => p.Suppliers).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class SupplierConfiguration : IEntityTypeConfiguration<Supplier>
{
    public void Configure(EntityTypeBuilder<Supplier> builder)
    {
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Ignore(s => s.DomainEvents);
        builder.Property(s => s.Name).HasMaxLength(120);
        builder.Property(s => s.OrderEmail).HasMaxLength(254);
        builder.HasIndex(s => s.Name).IsUnique();
    }
}

internal sealed class PartsOrderConfiguration : IEntityTypeConfiguration<PartsOrder>
{
    public void Configure(EntityTypeBuilder<PartsOrder> builder)
    {
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.Ignore(o => o.DomainEvents);
        builder.Ignore(o => o.Eta);
        builder.Property(o => o.Reference).HasMaxLength(40);
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(12);
        builder.HasIndex(o => o.Reference).IsUnique();
        // The job looks for the open draft per site and supplier; the clerk lists by status.
        builder.HasIndex(o => new { o.SiteId, o.SupplierId, o.Status });
        builder.HasIndex(o => new { o.SiteId, o.Status, o.CreatedAt });
        builder.HasOne<Supplier>().WithMany().HasForeignKey(o => o.SupplierId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Site>().WithMany().HasForeignKey(o => o.SiteId).OnDelete(DeleteBehavior.Restrict);
        builder.OwnsMany(o => o.Lines, l =>
        {
            l.ToTable("PartsOrderLines");
            l.WithOwner().HasForeignKey("PartsOrderId");
            l.HasKey(x => x.Id);
            l.Ignore(x => x.Outstanding);
            l.Property(x => x.PartNumber).HasMaxLength(40);
            l.Property(x => x.Description).HasMaxLength(200);
            l.HasIndex(x => x.PartId);
        });
        builder.Navigation(o => o.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class SupplierEmailConfiguration : IEntityTypeConfiguration<SupplierEmail>
{
    public void Configure(EntityTypeBuilder<SupplierEmail> builder)
    {
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.Ignore(e => e.DomainEvents);
        builder.Property(e => e.To).HasMaxLength(254);
        builder.Property(e => e.ToName).HasMaxLength(120);
        builder.Property(e => e.Subject).HasMaxLength(200);
        builder.Property(e => e.LastError).HasMaxLength(500);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(10);
        // One email per order, ever: a retried send command cannot queue it twice.
        builder.HasIndex(e => e.PartsOrderId).IsUnique();
        builder.HasIndex(e => new { e.Status, e.DueAt });
        builder.HasOne<PartsOrder>().WithMany().HasForeignKey(e => e.PartsOrderId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WorkshopDayConfiguration : IEntityTypeConfiguration<WorkshopDay>
{
    public void Configure(EntityTypeBuilder<WorkshopDay> builder)
    {
        builder.ToTable("WorkshopDays", t => t.HasCheckConstraint("CK_WorkshopDays_Booked", "BookedMinutes >= 0"));
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.Ignore(d => d.DomainEvents);
        builder.HasIndex(d => new { d.SiteId, d.Date }).IsUnique();
        builder.HasOne<Site>().WithMany().HasForeignKey(d => d.SiteId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ServiceAppointmentConfiguration : IEntityTypeConfiguration<ServiceAppointment>
{
    public void Configure(EntityTypeBuilder<ServiceAppointment> builder)
    {
        builder.ToTable("ServiceAppointments");
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Ignore(a => a.DomainEvents);
        builder.Ignore(a => a.IsActive);
        builder.Ignore(a => a.IsPlanningCopy);
        builder.Property(a => a.Concern).HasMaxLength(1000);
        builder.Property(a => a.ConcernConfirmed).HasMaxLength(1000);
        builder.Property(a => a.UpdatesContact).HasMaxLength(254);
        builder.Property(a => a.LastChangeReason).HasMaxLength(500);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(12);
        builder.Property(a => a.Readiness).HasConversion<string>().HasMaxLength(10);
        builder.Property(a => a.PartsAtCheckIn).HasConversion<string>().HasMaxLength(10);
        // The lane (site, day), the job's horizon scan (status, date), an advisor's day, a customer's visits.
        builder.HasIndex(a => new { a.SiteId, a.Date, a.Status });
        builder.HasIndex(a => new { a.Status, a.Date });
        // The journey dashboard reads visits by when they came in (booking → check-in → ready, parts at check-in).
        builder.HasIndex(a => new { a.SiteId, a.CheckedInAt });
        builder.HasIndex(a => new { a.AdvisorStaffId, a.Date });
        builder.HasIndex(a => a.CustomerId);
        // The parts shortages list: a site's booked visits earliest first, and with the visit's id and customer in
        // the index its count never reads the visits' rows (with the lines' index below: 27 -> 12 ms of CPU a
        // request at group scale, issue #14).
        builder.HasIndex(a => new { a.SiteId, a.Status, a.StartsAt, a.Id, a.CustomerId });
        builder.HasOne<Customer>().WithMany().HasForeignKey(a => a.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Vehicle>().WithMany().HasForeignKey(a => a.VehicleId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Site>().WithMany().HasForeignKey(a => a.SiteId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(a => a.AdvisorStaffId).OnDelete(DeleteBehavior.Restrict);
        builder.OwnsMany(a => a.Operations, o =>
        {
            o.ToTable("AppointmentOperations");
            o.WithOwner().HasForeignKey("AppointmentId");
            o.HasKey(x => x.Id);
            o.Property(x => x.Code).HasMaxLength(20);
            o.Property(x => x.Description).HasMaxLength(200);
        });
        builder.OwnsMany(a => a.PartLines, l =>
        {
            l.ToTable("AppointmentPartLines");
            l.WithOwner().HasForeignKey("AppointmentId");
            l.HasKey(x => x.Id);
            l.Property(x => x.PartNumber).HasMaxLength(40);
            l.Property(x => x.Description).HasMaxLength(200);
            l.Property(x => x.State).HasConversion<string>().HasMaxLength(12);
            // Receipts allocate by part to the waiting lines; shortages list by state. A visit's lines with their
            // state: the shortages count reads this index alone (it also serves the owner's foreign key).
            l.HasIndex(x => new { x.PartId, x.State });
            l.HasIndex("AppointmentId", nameof(AppointmentPartLine.State));
            l.HasIndex(x => x.PartsOrderId);
            l.HasOne<Part>().WithMany().HasForeignKey(x => x.PartId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Navigation(a => a.Operations).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(a => a.PartLines).UsePropertyAccessMode(PropertyAccessMode.Field);

        // The workshop: inspection findings, proposed extra work with its priced parts, photos, and how the bill was paid.
        builder.Ignore(a => a.InWorkshop);
        builder.Ignore(a => a.AwaitingApproval);
        builder.Ignore(a => a.Stage);
        builder.Property(a => a.PaymentMethod).HasMaxLength(20);
        builder.Property(a => a.PaymentReference).HasMaxLength(100);
        builder.OwnsMany(a => a.Inspection, f =>
        {
            f.ToTable("InspectionFindings");
            f.WithOwner().HasForeignKey("AppointmentId");
            f.HasKey(x => x.Id);
            f.Property(x => x.Area).HasMaxLength(60);
            f.Property(x => x.Note).HasMaxLength(1000);
            f.Property(x => x.Rating).HasConversion<string>().HasMaxLength(6);
        });
        builder.OwnsMany(a => a.ExtraWork, w =>
        {
            w.ToTable("ExtraWork");
            w.WithOwner().HasForeignKey("AppointmentId");
            w.HasKey(x => x.Id);
            w.Property(x => x.Id).ValueGeneratedNever();
            w.Ignore(x => x.Total);
            w.Property(x => x.Title).HasMaxLength(200);
            w.Property(x => x.Reason).HasMaxLength(1000);
            w.Property(x => x.IfYouWait).HasMaxLength(500);
            w.Property(x => x.Urgency).HasConversion<string>().HasMaxLength(6);
            w.Property(x => x.Status).HasConversion<string>().HasMaxLength(10);
            w.Property(x => x.AnsweredVia).HasConversion<string>().HasMaxLength(14);
            w.OwnsMany(x => x.Parts, p =>
            {
                p.ToTable("ExtraWorkParts");
                p.WithOwner().HasForeignKey("ExtraWorkId");
                p.Property<int>("Id");
                p.HasKey("Id");
                p.Property(x => x.PartNumber).HasMaxLength(40);
                p.Property(x => x.Description).HasMaxLength(200);
            });
            w.Navigation(x => x.Parts).UsePropertyAccessMode(PropertyAccessMode.Field);
        });
        builder.HasMany(a => a.Photos).WithOne().HasForeignKey(p => p.AppointmentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Inspection).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(a => a.ExtraWork).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(a => a.Photos).UsePropertyAccessMode(PropertyAccessMode.Field);
        // The workshop board: a site's cars in the workshop.
        builder.HasIndex(a => new { a.SiteId, a.Status, a.PromisedReadyAt });
    }
}

internal sealed class InspectionPhotoConfiguration : IEntityTypeConfiguration<InspectionPhoto>
{
    public void Configure(EntityTypeBuilder<InspectionPhoto> builder)
    {
        builder.ToTable("InspectionPhotos");
        builder.Property(p => p.ContentType).HasMaxLength(40);
        builder.Property(p => p.StoredName).HasMaxLength(80);
        builder.HasIndex(p => p.AppointmentId);
    }
}

internal sealed class DiscretionPolicyConfiguration : IEntityTypeConfiguration<DiscretionPolicy>
{
    public void Configure(EntityTypeBuilder<DiscretionPolicy> builder)
    {
        builder.ToTable("DiscretionPolicies");
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.DomainEvents);
        builder.Ignore(p => p.EffectiveLimit);
        builder.Property(p => p.Role).HasMaxLength(30);
        builder.Property(p => p.Action).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(p => new { p.SiteId, p.Role, p.Action }).IsUnique();
        builder.HasOne<Site>().WithMany().HasForeignKey(p => p.SiteId).OnDelete(DeleteBehavior.Cascade);
        builder.OwnsMany(p => p.History, h =>
        {
            h.ToTable("PolicyChanges");
            h.WithOwner().HasForeignKey("PolicyId");
            h.HasKey(x => x.Id);
            h.Property(x => x.Reason).HasMaxLength(300);
        });
        builder.Navigation(p => p.History).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class DecisionConfiguration : IEntityTypeConfiguration<Decision>
{
    public void Configure(EntityTypeBuilder<Decision> builder)
    {
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.Ignore(d => d.DomainEvents);
        builder.Property(d => d.Action).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.Why).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(18);
        builder.Property(d => d.Outcome).HasConversion<string>().HasMaxLength(14);
        builder.Property(d => d.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(d => d.SubjectType).HasMaxLength(20);
        builder.Property(d => d.Reason).HasMaxLength(500);
        builder.Property(d => d.OutcomeNote).HasMaxLength(500);
        builder.HasIndex(d => new { d.SiteId, d.Status, d.CreatedAt });
        builder.HasIndex(d => new { d.SiteId, d.CreatedAt });
        builder.HasIndex(d => new { d.SubjectType, d.SubjectId });
        builder.HasIndex(d => d.CustomerId);
        builder.HasIndex(d => new { d.StaffId, d.CreatedAt });
        builder.HasOne<Customer>().WithMany().HasForeignKey(d => d.CustomerId).OnDelete(DeleteBehavior.Restrict);
    }
}
