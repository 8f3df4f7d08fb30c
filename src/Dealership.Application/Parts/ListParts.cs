using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Domain.Parts;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Parts;

/// <summary>Parts stocked at the current site, by part number or description prefix.</summary>
public static class ListParts
{
    [Allowed(Access.ReadParts)]
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
