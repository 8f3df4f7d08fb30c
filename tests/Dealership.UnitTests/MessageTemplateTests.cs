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
    public void EveryText_FitsInTwoSegments_EvenWithALongStaffMessage(string key, string language)
    {
        var data = new Dictionary<string, string>(MessageTemplates.SampleData(key));
        if (key == MessageTemplates.StaffMessage)
        {
            data["text"] = new string('x', SendCustomerMessage.MaxLength - 40) + " ¿Qué tal? Más información mañana, José.";
            data["staffName"] = "Alexandria Montgomery-Richardson";
        }

        var message = MessageTemplates.Render(key, MessageChannel.Sms, language, new TemplateContext("Maximiliano", "Harbor Motors Portland", Link, data));

        Assert.That(MessageTemplates.SmsSegments(message.Text), Is.LessThanOrEqualTo(2), message.Text);
    }

    [Test]
    public void Spanish_IsWrittenInSpanish_AndTextsStayInTheGsmAlphabet()
    {
        var sms = MessageTemplates.Render(MessageTemplates.PreferencesUpdated, MessageChannel.Sms, "es",
            new TemplateContext("José", "Harbor Motors Boise", Link, new Dictionary<string, string> { ["channel"] = "email" }));
        var email = MessageTemplates.Render(MessageTemplates.PreferencesUpdated, MessageChannel.Email, "es",
            new TemplateContext("José", "Harbor Motors Boise", Link, new Dictionary<string, string> { ["channel"] = "email" }));

        Assert.That(sms.Text, Does.StartWith("Hola José").And.Contain("correo electronico").And.Contain("aqui"), "é is GSM-7 and stays; ó and í become plain");
        Assert.That(email.Text, Does.Contain("correo electrónico"), "email keeps every accent");
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
