using Dealership.Application.Notifications;
using Dealership.Domain.Notifications;

namespace Dealership.UnitTests;

public sealed class MessageTemplateTests
{
    private const string Link = "https://updates.harbormotors.example/track/AbCdEfGhIjKlMnOpQrStUvWxYz0";

    private static IEnumerable<TestCaseData> EveryTemplate() =>
        from key in MessageTemplates.Keys
        from language in MessageTemplates.Languages
        from channel in new[] { MessageChannel.Sms, MessageChannel.Email }
        select new TestCaseData(key, language, channel);

    [TestCaseSource(nameof(EveryTemplate))]
    public void EveryShippedTemplate_PassesTheChecksASitesOwnTextMust(string key, string language, MessageChannel channel) =>
        Assert.That(Dealership.Application.Notifications.Templates.MessageRenderer.Shared.Check(key, channel,
            Dealership.Application.Notifications.Templates.MessageRenderer.Default(key, channel, language)).Select(p => p.Message), Is.Empty);

    [TestCaseSource(nameof(EveryTemplate))]
    public void EveryTemplate_RendersWithTheCustomersNameAndLink(string key, string language, MessageChannel channel)
    {
        var message = MessageTemplates.Render(key, channel, language, new TemplateContext("Olivia", "Harbor Motors Portland", Link, MessageTemplates.SampleData(key)));

        Assert.That(message.Text, Does.Contain(Link));
        if (channel == MessageChannel.Email)
        {
            Assert.That(message.Subject, Is.Not.Empty);
            Assert.That(message.Html, Does.Contain($"href=\"{Link}\"").And.Contain("Olivia"));
        }
    }

    private static IEnumerable<TestCaseData> EveryText() =>
        from key in MessageTemplates.Keys
        from language in MessageTemplates.Languages
        select new TestCaseData(key, language);

    [TestCaseSource(nameof(EveryText))]
    public void EveryText_StaysWithinItsSegmentBudget_EvenWithALongStaffMessage(string key, string language)
    {
        var data = new Dictionary<string, string>(MessageTemplates.SampleData(key));
        if (key == MessageTemplates.StaffMessage)
        {
            // The longest plain text the page accepts; accented ones are measured when sent (SendCustomerMessage).
            data["text"] = new string('x', SendCustomerMessage.MaxLength - 40) + " Hasta pronto y gracias por su paciencia.";
            data["staffName"] = "Alexandria Montgomery-Richardson";
        }

        var message = MessageTemplates.Render(key, MessageChannel.Sms, language, new TemplateContext("Maximiliano", "Harbor Motors Portland", Link, data));

        // Two segments in plain letters; four when accents force UCS-2 (70 characters a segment), counted honestly.
        Assert.That(MessageTemplates.SmsSegments(message.Text), Is.LessThanOrEqualTo(MessageTemplates.SegmentBudget(message.Text)), message.Text);
        if (language == "en" && key != MessageTemplates.StaffMessage)
        {
            Assert.That(MessageTemplates.IsGsm7(message.Text), Is.True, "English texts need no UCS-2");
        }
    }

    [Test]
    public void Spanish_IsWrittenInSpanish_WithItsAccents_AndTheTextIsCountedAsUcs2()
    {
        var sms = MessageTemplates.Render(MessageTemplates.PreferencesUpdated, MessageChannel.Sms, "es",
            new TemplateContext("José", "Harbor Motors Boise", Link, new Dictionary<string, string> { ["channel"] = "email" }));
        var email = MessageTemplates.Render(MessageTemplates.PreferencesUpdated, MessageChannel.Email, "es",
            new TemplateContext("José", "Harbor Motors Boise", Link, new Dictionary<string, string> { ["channel"] = "email" }));

        Assert.That(sms.Text, Does.StartWith("Hola José").And.Contain("correo electrónico").And.Contain("aquí"), "accents are kept in texts too");
        Assert.That(MessageTemplates.IsGsm7(sms.Text), Is.False, "ó and í are outside GSM-7");
        Assert.That(MessageTemplates.SmsSegments(sms.Text), Is.EqualTo((sms.Text.Length + 66) / 67), "so the text is counted at 67 characters a segment");
        Assert.That(email.Text, Does.Contain("correo electrónico"));
        Assert.That(email.Html, Does.Contain("lang=\"es\""));
    }

    [Test]
    public void Dates_AreFormattedWhenRendered_InTheReadersLanguage_AndTheSitesTimeZone()
    {
        var facts = new Dictionary<string, string> { ["vehicle"] = "2016 Lexus RX 350", ["when"] = "2026-12-08T16:30:00Z", ["advisorName"] = "Alex Kim" };
        var pacific = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");
        var english = MessageTemplates.Render(MessageTemplates.ServiceBooked, MessageChannel.Sms, "en", new TemplateContext("Olivia", "Harbor", Link, facts, pacific));
        var spanish = MessageTemplates.Render(MessageTemplates.ServiceBooked, MessageChannel.Sms, "es", new TemplateContext("José", "Harbor", Link, facts, pacific));
        var eastern = MessageTemplates.Render(MessageTemplates.ServiceBooked, MessageChannel.Sms, "en",
            new TemplateContext("Olivia", "Harbor", Link, facts, TimeZoneInfo.FindSystemTimeZoneById("America/New_York")));

        Assert.That(english.Text, Does.Contain("Tue, Dec 8 at 8:30 AM"));
        Assert.That(spanish.Text, Does.Contain("8 dic. a las 8:30").Or.Contain("8 dic a las 8:30"), spanish.Text);
        Assert.That(eastern.Text, Does.Contain("Tue, Dec 8 at 11:30 AM"), "the same instant, read in the site's own zone");
    }

    [Test]
    public void ATemplate_IsRefused_WithoutTheLink_WithAForeignTag_OrWithARunawayLoop()
    {
        var renderer = Dealership.Application.Notifications.Templates.MessageRenderer.Shared;
        static Dealership.Application.Notifications.Templates.TemplateSource Text(string body) => new(null, body);

        Assert.That(renderer.Check(MessageTemplates.HelpReply, MessageChannel.Sms, Text("Reply STOP to stop.")).Single().Message, Does.Contain("must include {{ link }}"));
        var include = renderer.Check(MessageTemplates.HelpReply, MessageChannel.Sms, Text("Hi\n{% include 'footer' %} {{ link }}"));
        Assert.That(include.Single().Message, Does.StartWith("Line 2: the tag 'include' cannot be used"));
        var loop = renderer.Check(MessageTemplates.HelpReply, MessageChannel.Sms, Text("{% for i in (1..1000000) %}x{% endfor %} {{ link }}"));
        Assert.That(loop.Single().Message, Does.StartWith("It fails when rendered"), "a runaway loop is stopped and refused, not run");
        Assert.That(renderer.Check(MessageTemplates.HelpReply, MessageChannel.Sms, Text("{% comment %}{{ anything }}{% endcomment %}Help: {{ link }}")), Is.Empty,
            "comments are text, not code");
    }

    [Test]
    public void AMessageQueuedBeforeRawFacts_StillReadsRight()
    {
        // Stored before 2026-11-28: formatted per language, under the old names.
        var old = new Dictionary<string, string> { ["vehicle"] = "2016 Lexus RX 350", ["when"] = "Tue, Dec 8 at 8:30 AM", ["whenEs"] = "mar 8 dic a las 8:30" };
        var english = MessageTemplates.Render(MessageTemplates.ServiceBooked, MessageChannel.Sms, "en", new TemplateContext("Olivia", "Harbor", Link, old));
        var spanish = MessageTemplates.Render(MessageTemplates.ServiceBooked, MessageChannel.Sms, "es", new TemplateContext("José", "Harbor", Link, old));
        Assert.That(english.Text, Does.Contain("booked in for Tue, Dec 8 at 8:30 AM at Harbor"));
        Assert.That(spanish.Text, Does.Contain("tiene cita el mar 8 dic a las 8:30 en Harbor"));
    }

    [Test]
    public void MarkupInANameOrWrittenText_IsEscapedInTheEmailsHtml_AndLeftAsTypedInItsText()
    {
        const string markup = "<img src=x onerror=alert(1)><script>x()</script>";
        var facts = new Dictionary<string, string> { ["staffName"] = "Sam <b>Carter</b>", ["text"] = "Your note: " + markup };
        var email = MessageTemplates.Render(MessageTemplates.StaffMessage, MessageChannel.Email, "en", new TemplateContext("Mark" + markup, "Harbor & Sons <Motors>", Link, facts));

        Assert.That(email.Html, Does.Not.Contain("<img").And.Not.Contain("<script").And.Not.Contain("<b>"), "nothing anyone typed becomes markup");
        Assert.That(email.Html, Does.Contain("&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;"));
        Assert.That(email.Html, Does.Contain("Harbor &amp; Sons &lt;Motors&gt;"));
        Assert.That(email.Text, Does.Contain("Your note: " + markup), "the plain-text part reads as typed");
    }

    [TestCase("Hello", 1)]
    [TestCase("ñ and é are GSM; 160 of them fit in one", 1)]
    [TestCase("emoji 🚗 forces UCS-2", 1)]
    public void SmsSegments_CountsGsmAndUcs2(string text, int expected) => Assert.That(MessageTemplates.SmsSegments(text), Is.EqualTo(expected));

    [Test]
    public void SmsSegments_SplitsLongTexts()
    {
        Assert.That(MessageTemplates.SmsSegments(new string('a', 160)), Is.EqualTo(1));
        Assert.That(MessageTemplates.SmsSegments(new string('a', 161)), Is.EqualTo(2));
        Assert.That(MessageTemplates.SmsSegments(new string('a', 307)), Is.EqualTo(3));
        Assert.That(MessageTemplates.SmsSegments(new string('á', 71)), Is.EqualTo(2));
    }

    [Test]
    public void UnknownTemplate_IsAnError() =>
        Assert.Throws<ArgumentException>(() => MessageTemplates.Render("no.such", MessageChannel.Sms, "en", new TemplateContext("A", "B", Link, new Dictionary<string, string>())));
}

/// <summary>
/// Every message reads right when an optional fact is missing (no "expected .", no "(was )", no dangling
/// "will call you" without a who): each template, channel and language is rendered with each fact left out.
/// </summary>
public sealed class MessageTemplateMissingFactTests
{
    private const string Link = "https://dealer.example/t/abc";

    /// <summary>Facts a template cannot be sent without (its subject); everything else may be unknown.</summary>
    private static readonly Dictionary<string, string[]> Essential = new()
    {
        [MessageTemplates.StaffMessage] = ["text", "staffName"],
        [MessageTemplates.OrderMilestone] = ["milestone"],
        [MessageTemplates.CollectionProposed] = ["times"],
        [MessageTemplates.PreferencesUpdated] = ["channel"],
        [MessageTemplates.OrderPromiseChanged] = ["milestone", "newDate"],
        [MessageTemplates.OrderLate] = ["milestone", "promisedDate"],
        [MessageTemplates.OrderCheckIn] = ["status"],
        [MessageTemplates.CollectionBooked] = ["when"],
        [MessageTemplates.CollectionReminder] = ["when"],
        [MessageTemplates.ServiceBooked] = ["when"],
        [MessageTemplates.ServiceRescheduled] = ["when"],
        [MessageTemplates.ServiceCancelled] = ["when"],
        [MessageTemplates.ServiceReminder] = ["when"],
        [MessageTemplates.ServicePartsReady] = ["when"],
        [MessageTemplates.ServiceAtRisk] = ["when"],
        [MessageTemplates.ServiceCheckedIn] = ["readyBy"],
        [MessageTemplates.ServiceCollected] = ["keys"],
        [MessageTemplates.ServiceNoShow] = ["when"],
        [MessageTemplates.ServiceReadyMoved] = ["readyBy"],
        [MessageTemplates.TradeInOffer] = ["offer", "validUntil"],
        [MessageTemplates.TradeInReceived] = ["keys"],
        [MessageTemplates.TradeInPayoffSent] = ["lender", "amount", "reference"],
        [MessageTemplates.DecisionApproved] = ["kind"],
    };

    private static IEnumerable<TestCaseData> Cases() =>
        from key in MessageTemplates.Keys
        from language in MessageTemplates.Languages
        from channel in new[] { MessageChannel.Sms, MessageChannel.Email }
        select new TestCaseData(key, language, channel).SetName($"{key} {language} {channel} reads right with facts missing");

    [TestCaseSource(nameof(Cases))]
    public void ReadsRight_WithEachOptionalFactMissing(string key, string language, MessageChannel channel)
    {
        var sample = MessageTemplates.SampleData(key);
        var optional = sample.Keys.Except(Essential.GetValueOrDefault(key, [])).ToList();
        var variants = optional.Select(missing => (missing, sample.Where(kv => kv.Key != missing).ToDictionary()))
            .Append(("all optional facts", sample.Where(kv => !optional.Contains(kv.Key)).ToDictionary()));
        foreach (var (missing, data) in variants)
        {
            var rendered = MessageTemplates.Render(key, channel, language, new TemplateContext("Olivia", "Pacific Honda", Link, data));
            foreach (var part in new[] { rendered.Subject ?? "", rendered.Text })
            {
                Assert.That(Problems(part.Replace(Link, "LINK", StringComparison.Ordinal)), Is.Empty, $"without '{missing}': {part}");
            }

            if (channel == MessageChannel.Sms)
            {
                Assert.That(MessageTemplates.SmsSegments(rendered.Text), Is.LessThanOrEqualTo(MessageTemplates.SegmentBudget(rendered.Text)), rendered.Text);
            }
        }
    }

    private static List<string> Problems(string text)
    {
        var problems = new List<string>();
        foreach (var (pattern, what) in new[]
        {
            (@"[ \t]{2,}", "a double space"),
            (@"\s[.,;:!?]", "punctuation after a gap"),
            (@"\(\s*\)|\(\w+\s*\)", "an empty parenthesis"),
            (@"[:,]\s*[.,]", "a fact left blank between punctuation"),
            (@"\b(the|your|of|by|for|with|at|on|was|expected|su|del|el|la|de|con|para|antes)\s*[.,:;)]", "a sentence that stops where a fact should be"),
            (@"^\s*(will|le|is|has)\b", "a sentence with no one doing it"),
            (@"[.!?]\s+(will|le llamar|is here|has your|está a su|ya tiene|le ayuda|can help|le avisar)", "a sentence with no one doing it"),
            (@"[ \t]$", "trailing space"),
        })
        {
            if (System.Text.RegularExpressions.Regex.IsMatch(text, pattern, System.Text.RegularExpressions.RegexOptions.Multiline))
            {
                problems.Add(what);
            }
        }

        return problems;
    }
}

public sealed class StaffMessageSignatureTests
{
    [Test]
    public void AStaffMessageByEmail_IsSignedOnce_AndCarriesTheLinkOnce()
    {
        var rendered = MessageTemplates.Render(MessageTemplates.StaffMessage, MessageChannel.Email, "en",
            new TemplateContext("Olivia", "Pacific Honda", "https://dealer.example/t/abc", MessageTemplates.SampleData(MessageTemplates.StaffMessage)));

        Assert.That(System.Text.RegularExpressions.Regex.Count(rendered.Text, "Pacific Honda"), Is.EqualTo(1), rendered.Text);
        Assert.That(System.Text.RegularExpressions.Regex.Count(rendered.Text, "https://dealer.example/t/abc"), Is.EqualTo(1), rendered.Text);
        Assert.That(rendered.Text, Does.Contain("- Sam, Pacific Honda"));
    }

    [Test]
    public void TheLongestStaffText_WithNameAndLink_FitsInTwoTexts()
    {
        var data = new Dictionary<string, string> { ["staffName"] = "Alexandria Montgomery-Whitfield", ["text"] = new string('a', Dealership.Application.Notifications.SendCustomerMessage.MaxLength) };
        var rendered = MessageTemplates.Render(MessageTemplates.StaffMessage, MessageChannel.Sms, "en",
            new TemplateContext("Olivia", "Harbor Motors Portland", "https://service.harbormotors.example/track/AbCdEfGhIjKlMnOpQrStUvWxYz012345", data));

        Assert.That(MessageTemplates.SmsSegments(rendered.Text), Is.LessThanOrEqualTo(2), "the page's hint promises two texts");
    }
}
