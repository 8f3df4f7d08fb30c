using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Application.Orders;
using Dealership.Application.Sites;
using Dealership.Domain.Common;
using Dealership.Domain.Parts;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Parts;

public sealed record PartSupplierView(Guid SupplierId, string SupplierName, int LeadTimeWorkingDays, long Cost);

public sealed record PartView(Guid Id, Guid SiteId, string PartNumber, string Description, int OnHand, int Reserved, int Available, MoneyView SellPrice,
    IReadOnlyList<PartSupplierView> Suppliers, long Version);

public sealed record SupplierView(Guid Id, string Name, string OrderEmail, bool AutoSend);

internal static class PartViews
{
    public static async Task<List<PartView>> ToViewsAsync(this DealershipDbContext db, IReadOnlyList<Part> parts, CancellationToken ct)
    {
        var ids = parts.SelectMany(p => p.Suppliers).Select(s => s.SupplierId).Distinct().ToList();
        var names = await db.Suppliers.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        return parts.Select(p => new PartView(p.Id, p.SiteId, p.PartNumber, p.Description, p.OnHand, p.Reserved, p.Available, new MoneyView(p.SellPriceAmount, p.Currency),
            p.Suppliers.OrderBy(s => s.CostAmount).Select(s => new PartSupplierView(s.SupplierId, names.GetValueOrDefault(s.SupplierId, ""), s.LeadTimeWorkingDays, s.CostAmount)).ToList(),
            p.Version)).ToList();
    }
}

/// <summary>Parts stocked at the current site, by part number or description prefix.</summary>
public static class ListParts
{
    public sealed record Query(string? Search, int Page, int PageSize) : IQuery<PagedList<PartView>>, IPagedQuery;

    public sealed class Handler(DealershipDbContext db, ICurrentStaff staff) : IQueryHandler<Query, PagedList<PartView>>
    {
        public async ValueTask<PagedList<PartView>> Handle(Query query, CancellationToken cancellationToken)
        {
            var parts = db.Parts.AsNoTracking().Where(p => p.SiteId == staff.SiteId);
            if (!string.IsNullOrWhiteSpace(query.Search))
            {
                // Part numbers match from the start (an index range); descriptions match any word ("wiper"
                // finds "Front wiper motor"). A site stocks thousands of parts, not millions, so the LIKE scan is cheap.
                var number = Part.NormaliseNumber(query.Search);
                var pattern = "%" + query.Search.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
                parts = parts.Where(p => p.PartNumber.StartsWith(number) || EF.Functions.Like(p.Description, pattern, "\\"));
            }

            var page = await parts.OrderBy(p => p.PartNumber).ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
            return new PagedList<PartView>(await db.ToViewsAsync(page.Items, cancellationToken), page.Page, page.PageSize, page.Total);
        }
    }
}

public static class GetPart
{
    public sealed record Query(Guid Id) : IQuery<PartView>;

    public sealed class Handler(DealershipDbContext db, ICurrentStaff staff) : IQueryHandler<Query, PartView>
    {
        public async ValueTask<PartView> Handle(Query query, CancellationToken cancellationToken)
        {
            var siteIds = staff.SiteIds.ToList();
            var part = await db.Parts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == query.Id && siteIds.Contains(p.SiteId), cancellationToken)
                ?? throw new NotFoundException("Part", query.Id);
            return (await db.ToViewsAsync([part], cancellationToken))[0];
        }
    }
}

/// <summary>Adds a part to the current site's stock list.</summary>
public static class AddPart
{
    public sealed record Command(string PartNumber, string Description, int OnHand, MoneyView SellPrice) : ICommand<PartView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.PartNumber).NotEmpty().MaximumLength(40);
            RuleFor(c => c.Description).NotEmpty().MaximumLength(200);
            RuleFor(c => c.OnHand).GreaterThanOrEqualTo(0).WithMessage("Stock on hand cannot be negative.");
            RuleFor(c => c.SellPrice).NotNull();
            RuleFor(c => c.SellPrice.Amount).GreaterThanOrEqualTo(0).When(c => c.SellPrice is not null).WithMessage("The sell price is in cents, zero or more.");
        }
    }

    public sealed class Handler(DealershipDbContext db, SiteContext siteContext) : ICommandHandler<Command, PartView>
    {
        public async ValueTask<PartView> Handle(Command command, CancellationToken cancellationToken)
        {
            var site = await siteContext.GetAsync(cancellationToken);
            if (command.SellPrice.Currency != site.Currency)
            {
                throw new ValidationException([new FluentValidation.Results.ValidationFailure("sellPrice", $"Prices at {site.Name} are in {site.Currency}.")]);
            }

            var part = new Part(site.Id, command.PartNumber, command.Description, command.OnHand, command.SellPrice.ToMoney());
            if (await db.Parts.AnyAsync(p => p.SiteId == site.Id && p.PartNumber == part.PartNumber, cancellationToken))
            {
                throw new DomainRuleException($"{part.PartNumber} is already on {site.Name}'s stock list.", "duplicate-part");
            }

            db.Parts.Add(part);
            return (await db.ToViewsAsync([part], cancellationToken))[0];
        }
    }
}

/// <summary>Corrects a part's description and price, or records a stock count (never below what is reserved).</summary>
public static class UpdatePart
{
    public sealed record Command(Guid PartId, string Description, MoneyView SellPrice, int? OnHand, long? ExpectedVersion) : ICommand<PartView>, IVersionedCommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Description).NotEmpty().MaximumLength(200);
            RuleFor(c => c.SellPrice).NotNull();
            RuleFor(c => c.SellPrice.Amount).GreaterThanOrEqualTo(0).When(c => c.SellPrice is not null);
            RuleFor(c => c.OnHand).GreaterThanOrEqualTo(0).WithMessage("Stock on hand cannot be negative.");
        }
    }

    public sealed class Handler(DealershipDbContext db, ICurrentStaff staff) : ICommandHandler<Command, PartView>
    {
        public async ValueTask<PartView> Handle(Command command, CancellationToken cancellationToken)
        {
            var part = await PartsAccess.LoadAsync(db, staff, command.PartId, command.ExpectedVersion, cancellationToken);
            part.Update(command.Description, command.SellPrice.ToMoney());
            if (command.OnHand is { } onHand && onHand != part.OnHand)
            {
                part.CountStock(onHand);
            }

            return (await db.ToViewsAsync([part], cancellationToken))[0];
        }
    }
}

/// <summary>Says that a supplier carries a part, with its lead time (working days) and unit cost.</summary>
public static class SetPartSupplier
{
    public sealed record Command(Guid PartId, Guid SupplierId, int LeadTimeWorkingDays, MoneyView Cost) : ICommand<PartView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.LeadTimeWorkingDays).InclusiveBetween(0, 120).WithMessage("Lead time is 0 to 120 working days.");
            RuleFor(c => c.Cost).NotNull();
            RuleFor(c => c.Cost.Amount).GreaterThan(0).When(c => c.Cost is not null).WithMessage("The cost is in cents and more than zero.");
        }
    }

    public sealed class Handler(DealershipDbContext db, ICurrentStaff staff) : ICommandHandler<Command, PartView>
    {
        public async ValueTask<PartView> Handle(Command command, CancellationToken cancellationToken)
        {
            var part = await PartsAccess.LoadAsync(db, staff, command.PartId, null, cancellationToken);
            if (!await db.Suppliers.AnyAsync(s => s.Id == command.SupplierId, cancellationToken))
            {
                throw new NotFoundException("Supplier", command.SupplierId);
            }

            part.SetSupplier(command.SupplierId, command.LeadTimeWorkingDays, command.Cost.ToMoney());
            return (await db.ToViewsAsync([part], cancellationToken))[0];
        }
    }
}

public static class ListSuppliers
{
    public sealed record Query(int Page, int PageSize) : IQuery<PagedList<SupplierView>>, IPagedQuery;

    public sealed class Handler(DealershipDbContext db) : IQueryHandler<Query, PagedList<SupplierView>>
    {
        public async ValueTask<PagedList<SupplierView>> Handle(Query query, CancellationToken cancellationToken) =>
            await db.Suppliers.AsNoTracking().OrderBy(s => s.Name).Select(s => new SupplierView(s.Id, s.Name, s.OrderEmail, s.AutoSend))
                .ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
    }
}

public static class AddSupplier
{
    public sealed record Command(string Name, string OrderEmail, bool AutoSend) : ICommand<SupplierView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Name).NotEmpty().MaximumLength(120);
            RuleFor(c => c.OrderEmail).NotEmpty().EmailAddress().MaximumLength(254).WithMessage("Give the address the supplier takes orders at.");
        }
    }

    public sealed class Handler(DealershipDbContext db) : ICommandHandler<Command, SupplierView>
    {
        public async ValueTask<SupplierView> Handle(Command command, CancellationToken cancellationToken)
        {
            var name = command.Name.Trim();
            if (await db.Suppliers.AnyAsync(s => s.Name == name, cancellationToken))
            {
                throw new DomainRuleException($"{name} is already a supplier.", "duplicate-supplier");
            }

            var supplier = new Supplier(name, command.OrderEmail, command.AutoSend);
            db.Suppliers.Add(supplier);
            return new SupplierView(supplier.Id, supplier.Name, supplier.OrderEmail, supplier.AutoSend);
        }
    }
}

internal static class PartsAccess
{
    public static async Task<Part> LoadAsync(DealershipDbContext db, ICurrentStaff staff, Guid partId, long? expectedVersion, CancellationToken ct)
    {
        var siteIds = staff.SiteIds.ToList();
        var part = await db.Parts.FirstOrDefaultAsync(p => p.Id == partId && siteIds.Contains(p.SiteId), ct) ?? throw new NotFoundException("Part", partId);
        if (expectedVersion is { } expected && expected != part.Version)
        {
            throw new PreconditionFailedException("Part", expected, part.Version);
        }

        return part;
    }
}
