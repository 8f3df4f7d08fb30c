using Dealership.Domain.Tasks;

namespace Dealership.Application.Tasks;

public sealed record TaskView(Guid Id, Guid SiteId, Guid? OwnerStaffId, string Title, string Detail, DateTime DueAt, string? SubjectType,
    Guid? SubjectId, IReadOnlyList<Guid> CustomerIds, StaffTaskStatus Status, DateTime CreatedAt, DateTime? DoneAt);
