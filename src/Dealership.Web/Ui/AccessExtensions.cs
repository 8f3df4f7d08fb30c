using System.Security.Claims;
using Dealership.Application.Common;

namespace Dealership.Web.Ui;

/// <summary>Whether a page should offer a control: the same table the pipeline enforces, so a page never shows a form its reader cannot use.</summary>
public static class AccessExtensions
{
    public static bool May(this ClaimsPrincipal user, Access access)
    {
        ArgumentNullException.ThrowIfNull(user);
        return AccessRules.RolesFor(access).Any(user.IsInRole);
    }
}
