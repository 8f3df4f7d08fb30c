namespace Dealership.Web.Security;

/// <summary>
/// Sessions end when a person signs out or their password changes: both change the account's security
/// stamp, which every sign-in cookie and bearer token carries, and <see cref="CurrentStaffMiddleware"/>
/// compares it with the stored one on every request (in the query it already makes), so an old cookie or
/// token stops working at once instead of at the end of its sliding life.
/// </summary>
public static class SessionStamp
{
    /// <summary>The claim ASP.NET Core Identity puts in its cookie; tokens carry the same.</summary>
    public const string ClaimType = "AspNet.Identity.SecurityStamp";

    /// <summary>One answer for a wrong password, an unknown email and a locked account alike.</summary>
    public const string FailedSignIn =
        "That email and password do not match an account that can sign in now. Check both and try again; after several failed attempts an account waits a few minutes, and a manager can reset it.";
}
