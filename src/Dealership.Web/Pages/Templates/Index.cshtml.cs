using Dealership.Application.Notifications;
using Dealership.Domain.Notifications;
using Dealership.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Dealership.Web.Pages.Templates;

/// <summary>Managers preview every template in every channel and language with sample facts.</summary>
[Authorize(Policy = Policies.ManagersOnly)]
public sealed class IndexModel(IOptions<NotificationOptions> options) : PageModel
{
    public sealed record Preview(string Key, MessageChannel Channel, string Language, RenderedMessage Message, int Segments);

    public List<Preview> Previews { get; } = [];

    public void OnGet()
    {
        foreach (var key in MessageTemplates.Keys)
        {
            foreach (var language in MessageTemplates.Languages)
            {
                foreach (var channel in new[] { MessageChannel.Sms, MessageChannel.Email })
                {
                    var context = new TemplateContext("Olivia", "Harbor Motors Portland",
                        TrackingTokens.Link(options.Value.PublicBaseUrl, "Sample-Token-0123456789abcdefXYZ"), MessageTemplates.SampleData(key));
                    var message = MessageTemplates.Render(key, channel, language, context);
                    Previews.Add(new Preview(key, channel, language, message, MessageTemplates.SmsSegments(message.Text)));
                }
            }
        }
    }
}
