namespace Dealership.Application.Notifications;

/// <summary>
/// The addresses the web host answers at, as a customer or a provider reaches them. The host implements it
/// (its routes are its own); the application only asks for a customer's link or a message's callback.
/// </summary>
public interface IPublicLinks
{
    /// <summary>The customer's tracking page for this token.</summary>
    string TrackingPage(string token);

    /// <summary>The same link with the token hidden, as stored copies and previews show it.</summary>
    string MaskedTrackingPage();

    /// <summary>A staff page (e.g. "/approvals"), for a text to a staff member's phone.</summary>
    string StaffPage(string path);

    /// <summary>Where the SMS provider reports the delivery of this notification.</summary>
    Uri SmsStatusCallback(Guid notificationId);
}
