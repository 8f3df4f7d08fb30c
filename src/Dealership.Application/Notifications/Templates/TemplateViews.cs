using Dealership.Domain.Notifications;

namespace Dealership.Application.Notifications.Templates;

/// <summary>A template as the list shows it: which text is in use at the current site, and its sample rendering.</summary>
public sealed record TemplateSummary(string Key, string Title, MessageChannel Channel, string Language, bool Customized, int Version, DateTime? ChangedAt,
    TemplatePreview Preview);

/// <summary>A rendering with the sample facts: what the customer would read, and what a text costs.</summary>
public sealed record TemplatePreview(string? Subject, string Text, int Segments, bool Gsm7, int SegmentBudget, IReadOnlyList<TemplateProblem> Problems)
{
    public bool OverBudget => Segments > SegmentBudget;
}

public sealed record TemplateFactView(string Name, FactKind Kind, bool Essential, string Meaning, string Example);

public sealed record TemplateVersionView(int Number, bool IsDefault, string? Subject, string? Body, string Note, DateTime CreatedAt, string? CreatedBy);

/// <summary>Everything the editor needs: the text in use, the product's default, the facts it may use, and the history.</summary>
public sealed record TemplateDetail(string Key, string Title, MessageChannel Channel, string Language, string? Subject, string Body, bool Customized, int Version,
    string? DefaultSubject, string DefaultBody, IReadOnlyList<TemplateFactView> Facts, IReadOnlyList<TemplateVersionView> History, TemplatePreview Preview);

internal static class TemplatePreviews
{
    /// <summary>Renders with the sample facts (or reports why it cannot), counting segments for texts.</summary>
    public static TemplatePreview Of(string key, MessageChannel channel, string language, TemplateSource source)
    {
        // The shipped texts are checked by the unit tests; only a site's own text (or a draft) needs checking here.
        var problems = source == MessageRenderer.Default(key, channel, language) ? [] : MessageRenderer.Shared.Check(key, channel, source);
        if (problems.Count > 0)
        {
            return new TemplatePreview(null, "", 0, true, 0, problems);
        }

        var rendered = MessageRenderer.Shared.Render(key, channel, language, MessageRenderer.SampleContext(TemplateCatalog.Get(key).Sample), source);
        var gsm = MessageTemplates.IsGsm7(rendered.Text);
        return channel == MessageChannel.Sms
            ? new TemplatePreview(null, rendered.Text, MessageTemplates.SmsSegments(rendered.Text), gsm, MessageTemplates.SegmentBudget(rendered.Text), [])
            : new TemplatePreview(rendered.Subject, rendered.Text, 0, gsm, 0, []);
    }

    public static TemplateFactView View(TemplateFact fact, string language) =>
        new(fact.Name, fact.Kind, fact.Essential, fact.Meaning,
            MessageRenderer.Format(fact.Kind, fact.Sample, language == "es", TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles"), new DateTime(2026, 11, 23, 17, 0, 0, DateTimeKind.Utc)) ?? fact.Sample);

    /// <summary>The key, channel and language named in a route, checked: an unknown one is "not found".</summary>
    public static void Require(string key, MessageChannel channel, string language)
    {
        if (!TemplateCatalog.Exists(key) || !MessageTemplates.Languages.Contains(language) || !Enum.IsDefined(channel))
        {
            throw new Common.NotFoundException("Template", $"{key}/{channel}/{language}");
        }
    }
}
