using Dealership.Domain.Tasks;

namespace Dealership.Application.Tasks;

public sealed record TaskView(Guid Id, Guid SiteId, Guid? OwnerStaffId, string Title, string Detail, DateTime DueAt, string? SubjectType,
    Guid? SubjectId, IReadOnlyList<Guid> CustomerIds, StaffTaskStatus Status, DateTime CreatedAt, DateTime? DoneAt)
{
    /// <summary>The names of <see cref="CustomerIds"/> (same order where known), so an inbox can say who is waiting without another lookup.</summary>
    public IReadOnlyDictionary<Guid, string> CustomerNames { get; init; } = new Dictionary<Guid, string>();
}
