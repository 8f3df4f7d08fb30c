using Dealership.Application.Common;
using Dealership.Application.Data;

namespace Dealership.Web.Ui;

/// <summary>
/// Double-submit protection for staff forms: each form carries a hidden key; the first submission's
/// redirect target is stored in the same transaction as its command, and a second submission of the same
/// form (double click, browser retry) is sent to that target instead of running again.
/// </summary>
public sealed class FormSubmissions(IdempotencyStore records, UnitOfWork unit, ICurrentStaff staff, TimeProvider clock)
{
    public const string FieldName = "__submissionKey";

    public async Task<string> RunOnceAsync(string? submissionKey, Func<Task<string>> submit)
    {
        if (string.IsNullOrWhiteSpace(submissionKey) || submissionKey.Length > 90)
        {
            return await submit();
        }

        var key = "form:" + submissionKey;
        var scope = staff.StaffId?.ToString() ?? "anonymous";
        return await unit.ExecuteAsync(async () =>
        {
            if ((await records.FindAsync(scope, key, CancellationToken.None))?.Location is { } earlier)
            {
                return earlier;
            }

            var target = await submit();
            records.Add(new IdempotencyRecord
            {
                Scope = scope,
                Key = key,
                RequestHash = "form",
                StatusCode = StatusCodes.Status303SeeOther,
                Location = target,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            });
            return target;
        }, CancellationToken.None);
    }
}
