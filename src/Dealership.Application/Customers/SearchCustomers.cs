using System.Text.RegularExpressions;
using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Application.Sites;
using Dealership.Domain.Customers;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Customers;

/// <summary>
/// Finds customers by what staff have in hand: a name ("smith", "ann smi"), an email, a phone number as
/// typed, or a VIN (or its first characters). Every branch is an indexed prefix or equality match, so the
/// search stays fast at 100,000 customers; results are paged and sorted by last name.
/// </summary>
public static partial class SearchCustomers
{
    [Allowed(Access.AnyStaff)]
    public sealed record Query(string? Search, int Page = 1, int PageSize = Paging.DefaultPageSize) : IQuery<PagedList<CustomerSummary>>, IPagedQuery;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Search).MaximumLength(100);
        }
    }

    public sealed class Handler(DealershipDbContext db, SiteContext siteContext) : IQueryHandler<Query, PagedList<CustomerSummary>>
    {
        public async ValueTask<PagedList<CustomerSummary>> Handle(Query query, CancellationToken cancellationToken)
        {
            var customers = db.Customers.AsNoTracking();
            var text = (query.Search ?? "").Trim();
            if (text.Length > 0)
            {
                customers = await FilterAsync(customers, text, cancellationToken);
            }

            // The page first, then its customers' vehicles counted in a second query. SQLite works out a row's whole
            // select list before it sorts, so a vehicle count in the page's query ran for every match: 11,000 counts
            // for "smith" to show 25, half the query's time (issue #14).
            var page = await customers
                .OrderBy(c => c.LastNameKey).ThenBy(c => c.FirstNameKey).ThenBy(c => c.Id)
                .Select(c => new CustomerSummary(c.Id, c.FirstName, c.LastName, c.Email, c.MobilePhone, c.PreferredChannel, 0))
                .ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
            if (page.Items.Count == 0)
            {
                return page;
            }

            var ids = page.Items.Select(c => c.Id).ToList();
            var vehicles = await db.Vehicles.Where(v => ids.Contains(v.CustomerId)).GroupBy(v => v.CustomerId)
                .Select(g => new { CustomerId = g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.CustomerId, g => g.Count, cancellationToken);
            return page with { Items = page.Items.Select(c => c with { VehicleCount = vehicles.GetValueOrDefault(c.Id) }).ToList() };
        }

        // string.Compare here is translated by EF Core into SQL comparison operators; it never runs in .NET,
        // so the culture-sensitivity warning (CA1309) does not apply.
#pragma warning disable CA1309
        private async Task<IQueryable<Customer>> FilterAsync(IQueryable<Customer> customers, string text, CancellationToken ct)
        {
            if (text.Contains('@', StringComparison.Ordinal))
            {
                var (from, to) = PrefixRange(text.ToLowerInvariant());
                return customers.Where(c => string.Compare(c.EmailKey, from) >= 0 && string.Compare(c.EmailKey, to) < 0);
            }

            if (PhoneLike().IsMatch(text))
            {
                var site = await siteContext.GetAsync(ct);
                var e164 = PhoneNumberRules.ToE164(text, site.DefaultPhoneRegion, out _);
                return customers.Where(c => c.MobilePhone == e164);
            }

            if (VinLike().IsMatch(text))
            {
                var (from, to) = PrefixRange(text.ToUpperInvariant());
                // Driven from the VIN index: the few matching vehicles name their customers (IN), rather
                // than probing every customer for a matching vehicle (EXISTS).
                var owners = db.Vehicles.Where(v => string.Compare(v.Vin, from) >= 0 && string.Compare(v.Vin, to) < 0).Select(v => v.CustomerId);
                return customers.Where(c => owners.Contains(c.Id));
            }

            var words = text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(4).ToList();
            if (words.Count == 1)
            {
                // One word may be a first name, a last name or the start of an email ("ann.smith").
                var (from, to) = PrefixRange(words[0]);
                return customers.Where(c =>
                    (string.Compare(c.LastNameKey, from) >= 0 && string.Compare(c.LastNameKey, to) < 0) ||
                    (string.Compare(c.FirstNameKey, from) >= 0 && string.Compare(c.FirstNameKey, to) < 0) ||
                    (string.Compare(c.EmailKey, from) >= 0 && string.Compare(c.EmailKey, to) < 0));
            }

            // Several words: each must start the first or the last name ("ann smi" finds Ann Smith and Smith Annette).
            foreach (var word in words)
            {
                var (from, to) = PrefixRange(word);
                customers = customers.Where(c =>
                    (string.Compare(c.LastNameKey, from) >= 0 && string.Compare(c.LastNameKey, to) < 0) ||
                    (string.Compare(c.FirstNameKey, from) >= 0 && string.Compare(c.FirstNameKey, to) < 0));
            }

            return customers;
        }
#pragma warning restore CA1309
    }

    /// <summary>
    /// "smi" becomes the range ["smi", "smj"): a prefix match written as two comparisons, which both SQLite
    /// and SQL Server answer from an index (SQLite's case-insensitive LIKE cannot use one). The keys are
    /// stored lower-case (VINs upper-case), so ordinal ranges are exact.
    /// </summary>
    internal static (string From, string To) PrefixRange(string prefix) =>
        (prefix, string.Concat(prefix.AsSpan(0, prefix.Length - 1), ((char)(prefix[^1] + 1)).ToString()));

    /// <summary>Digits with the usual phone punctuation, at least seven digits.</summary>
    [GeneratedRegex(@"^\+?[\d\s().\-]{7,20}$")]
    private static partial Regex PhoneLike();

    /// <summary>Six or more letters and digits without spaces, with at least one digit and one letter: a VIN or its start.</summary>
    [GeneratedRegex(@"^(?=.*\d)(?=.*[A-Za-z])[A-HJ-NPR-Za-hj-npr-z0-9]{6,17}$")]
    private static partial Regex VinLike();
}
