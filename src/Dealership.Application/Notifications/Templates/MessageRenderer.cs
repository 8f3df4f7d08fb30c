using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Dealership.Domain.Common;
using Dealership.Domain.Notifications;
using Dealership.Domain.Orders;
using Fluid;
using Fluid.Values;
using LiquidContext = Fluid.TemplateContext;

namespace Dealership.Application.Notifications.Templates;

/// <summary>The Liquid text of one message: a subject (email only) and a body.</summary>
public sealed record TemplateSource(string? Subject, string Body);

/// <summary>A problem in a template, with the line it is on (1-based; 0 when the whole template is meant).</summary>
public sealed record TemplateProblem(string Part, int Line, string Message);

/// <summary>
/// Renders messages from Liquid templates (Fluid): the defaults shipped in Defaults/, or a site's own version.
/// Facts arrive raw (<see cref="TemplateFacts"/>) and are formatted here for the reader: US English or US
/// Spanish (es-US), in the site's time zone. Texts keep their accents; <see cref="MessageTemplates.SmsSegments"/>
/// counts what that costs. Thread-safe: parsed templates are cached by their text.
/// </summary>
public sealed partial class MessageRenderer
{
    public static MessageRenderer Shared { get; } = new();

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");
    private static readonly CultureInfo Spanish = CultureInfo.GetCultureInfo("es-US");

    /// <summary>Filters templates may use: Liquid's common ones and ours (first_word, sentence).</summary>
    public static readonly IReadOnlySet<string> Filters = new HashSet<string>(StringComparer.Ordinal)
    {
        "default", "first_word", "sentence", "capitalize", "upcase", "downcase", "truncate", "truncatewords", "strip", "lstrip", "rstrip",
        "append", "prepend", "replace", "replace_first", "remove", "remove_first", "size", "slice", "split", "join", "first", "last",
    };

    /// <summary>The tags a message may use; include, render and the rest are refused (a message is self-contained).</summary>
    public static readonly IReadOnlySet<string> Tags = new HashSet<string>(StringComparer.Ordinal)
    {
        "if", "elsif", "else", "endif", "unless", "endunless", "case", "when", "endcase", "for", "endfor", "assign", "capture", "endcapture",
        "break", "continue", "comment", "endcomment", "raw", "endraw",
    };

    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        "if", "elsif", "else", "endif", "unless", "endunless", "case", "when", "endcase", "for", "endfor", "in", "and", "or", "contains",
        "assign", "capture", "endcapture", "true", "false", "nil", "null", "empty", "blank", "limit", "offset", "reversed", "forloop",
        "break", "continue", "cycle", "increment", "decrement", "with", "echo", "liquid",
    };

    private readonly FluidParser _parser = new();
    private readonly TemplateOptions _options;
    private readonly ConcurrentDictionary<string, IFluidTemplate> _parsed = new(StringComparer.Ordinal);

    public MessageRenderer()
    {
        // A template is text with a few conditions: a loop of thousands of steps is a mistake (or an attack) and stops.
        _options = new TemplateOptions { StrictFilters = true, MaxSteps = 10_000, MaxRecursion = 10 };
        _options.Filters.AddFilter("first_word", (input, _, _) =>
            new ValueTask<FluidValue>(new StringValue(input.ToStringValue().Trim().Split(' ', 2)[0])));
        _options.Filters.AddFilter("sentence", (input, _, _) =>
        {
            var text = input.ToStringValue().Trim();
            return new ValueTask<FluidValue>(new StringValue(text.Length == 0 || ".!?…".Contains(text[^1], StringComparison.Ordinal) ? text : text + "."));
        });
    }

    /// <summary>The text shipped with the product for this message.</summary>
    public static TemplateSource Default(string key, MessageChannel channel, string language)
    {
        TemplateCatalog.Get(key);
        var name = $"{key}.{(language == "es" ? "es" : "en")}.{(channel == MessageChannel.Sms ? "sms" : "email")}.liquid";
        return DefaultSources.GetOrAdd(name, LoadDefault);
    }

    private static readonly ConcurrentDictionary<string, TemplateSource> DefaultSources = new(StringComparer.Ordinal);

    private static TemplateSource LoadDefault(string name)
    {
        var assembly = typeof(MessageRenderer).Assembly;
        var resource = assembly.GetManifestResourceNames().SingleOrDefault(r => r.EndsWith("." + name, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"The default template {name} is not embedded in {assembly.GetName().Name}.");
        using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
        return Split(reader.ReadToEnd(), name.EndsWith(".email.liquid", StringComparison.Ordinal));
    }

    /// <summary>An email file is its subject, a line of three dashes, then its body; a text file is its body.</summary>
    public static TemplateSource Split(string text, bool email)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n');
        if (!email)
        {
            return new TemplateSource(null, text);
        }

        var separator = text.IndexOf("\n---\n", StringComparison.Ordinal);
        return separator < 0 ? new TemplateSource("", text) : new TemplateSource(text[..separator], text[(separator + 5)..]);
    }

    /// <summary>
    /// Whether a template can be used: it parses, and every variable and filter it names exists in the event's
    /// model (so a typo is refused with its line, not sent as an empty gap). It is also rendered with the sample
    /// facts, and with every optional fact missing, to catch what only shows when it runs.
    /// </summary>
    public IReadOnlyList<TemplateProblem> Check(string key, MessageChannel channel, TemplateSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var definition = TemplateCatalog.Get(key);
        var known = definition.AllFacts.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var problems = new List<TemplateProblem>();
        var parts = channel == MessageChannel.Email ? new[] { ("subject", source.Subject ?? ""), ("body", source.Body) } : new[] { ("body", source.Body) };
        foreach (var (part, text) in parts)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                problems.Add(new TemplateProblem(part, 0, $"The {part} is empty."));
                continue;
            }

            if (!_parser.TryParse(text, out _, out var error))
            {
                problems.Add(new TemplateProblem(part, LineOf(error), $"The {part} does not parse: {error}"));
                continue;
            }

            problems.AddRange(UnknownNames(part, text, known));
        }

        // The link is the customer's way in, and how a text interrupted mid-send is recognised at the provider.
        if (!string.IsNullOrWhiteSpace(source.Body) && !LinkUse().IsMatch(source.Body))
        {
            problems.Add(new TemplateProblem("body", 0, "The message must include {{ link }}: it is the customer's page, and how a text is recognised if sending is interrupted."));
        }

        if (problems.Count == 0)
        {
            foreach (var language in MessageTemplates.Languages)
            {
                foreach (var facts in new[] { definition.Sample, definition.Facts.Where(f => f.Essential).ToDictionary(f => f.Name, f => f.Sample) })
                {
                    try
                    {
                        Render(key, channel, language, SampleContext(facts), source);
                    }
                    catch (Exception ex)
                    {
                        problems.Add(new TemplateProblem("body", 0, $"It fails when rendered: {ex.Message}"));
                        return problems;
                    }
                }
            }
        }

        return problems;
    }

    /// <summary>The facts of a preview: the customer Olivia at Harbor Motors Portland, with the given raw facts.</summary>
    public static TemplateContext SampleContext(IReadOnlyDictionary<string, string> facts) =>
        new("Olivia", "Harbor Motors Portland", TemplateDefinition.Common[2].Sample, facts, TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles"));

    public RenderedMessage Render(string key, MessageChannel channel, string language, TemplateContext context, TemplateSource? source = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var definition = TemplateCatalog.Get(key);
        var spanish = string.Equals(language, "es", StringComparison.Ordinal);
        source ??= Default(key, channel, spanish ? "es" : "en");
        var liquid = Context(definition, context, spanish);
        var text = Clean(Parse(source.Body).Render(liquid, NullEncoder.Default));
        if (channel == MessageChannel.Sms)
        {
            return new RenderedMessage(null, text, null);
        }

        var subject = Clean(Parse(source.Subject ?? "").Render(liquid, NullEncoder.Default));
        return new RenderedMessage(subject, EmailText(text, spanish, context, footer: key != MessageTemplates.StaffMessage), EmailHtml(subject, text, spanish, context));
    }

    /// <summary>Parsed once per text; drafts previewed in the editor would grow the cache without end, so it is bounded.</summary>
    private IFluidTemplate Parse(string text)
    {
        if (_parsed.TryGetValue(text, out var cached))
        {
            return cached;
        }

        if (!_parser.TryParse(text, out var template, out var error))
        {
            throw new InvalidOperationException($"A stored template does not parse: {error}");
        }

        if (_parsed.Count >= 1_000)
        {
            _parsed.Clear();
        }

        return _parsed.GetOrAdd(text, template);
    }

    private LiquidContext Context(TemplateDefinition definition, TemplateContext context, bool spanish)
    {
        var liquid = new LiquidContext(_options) { CultureInfo = spanish ? Spanish : English };
        liquid.SetValue("firstName", context.CustomerFirstName);
        liquid.SetValue("siteName", context.SiteName);
        liquid.SetValue("link", context.Link);
        var zone = context.TimeZone ?? TimeZoneInfo.Utc;
        foreach (var fact in definition.Facts)
        {
            var legacy = Legacy(context.Data, fact.Name, spanish);
            var raw = spanish && legacy.Length > 0 ? legacy : context.Data.TryGetValue(fact.Name, out var value) ? value.Trim() : legacy;
            // A message queued before facts were stored raw carries them already written out: shown as written.
            var shown = raw.Length == 0 ? null : Format(fact.Kind, raw, spanish, zone, context.Now) ?? raw;
            liquid.SetValue(fact.Name, shown is null ? NilValue.Instance : new StringValue(shown));
        }

        return liquid;
    }

    /// <summary>Facts of messages queued before 2026-11-28 were stored formatted, some under a name per language.</summary>
    private static string Legacy(IReadOnlyDictionary<string, string> data, string name, bool spanish)
    {
        string? key = (name, spanish) switch
        {
            ("milestone", false) => "milestoneName",
            ("milestone", true) => "milestoneNameEs",
            ("dueBy", false) => "dueLocal",
            ("dueBy", true) => "dueLocalEs",
            ("next", false) => "nextName",
            ("next", true) => "nextNameEs",
            (_, true) => name + "Es",
            _ => null,
        };
        return key is not null && data.TryGetValue(key, out var value) ? value.Trim() : "";
    }

    /// <summary>A raw fact as the reader reads it; null when it cannot be read (shown as missing, never as garbage).</summary>
    public static string? Format(FactKind kind, string raw, bool spanish, TimeZoneInfo zone, DateTime? now = null)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(zone);
        var culture = spanish ? Spanish : English;
        DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(utc, zone);
        return kind switch
        {
            FactKind.Text => raw,
            FactKind.Day => TemplateFacts.ReadDay(raw)?.ToString(spanish ? "ddd d MMM" : "ddd, MMM d", culture),
            FactKind.Time => TemplateFacts.ReadInstant(raw) is { } at ? Local(at).ToString(spanish ? "ddd d MMM 'a las' H:mm" : "ddd, MMM d 'at' h:mm tt", culture) : null,
            FactKind.Clock => TemplateFacts.ReadInstant(raw) is { } at ? Local(at).ToString(spanish ? "H:mm" : "h:mm tt", culture) : null,
            FactKind.Deadline => TemplateFacts.ReadInstant(raw) is { } at ? Deadline(Local(at), Local(now ?? DateTime.UtcNow), spanish) : null,
            FactKind.Money => ReadMoney(raw)?.Format(culture),
            FactKind.Milestone => Enum.TryParse<OrderMilestone>(raw, out var milestone) ? Milestone(milestone, spanish) : null,
            FactKind.Status => Enum.TryParse<OrderMilestone>(raw, out var status) ? CustomerPhrases.StatusPhrase(status, spanish) : null,
            FactKind.Checklist => string.Join(", ", raw.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(item => Enum.TryParse<ChecklistItem>(item, out var i) ? CustomerPhrases.OpenItem(i, spanish) : null).OfType<string>()) is { Length: > 0 } list ? list : null,
            FactKind.Times => string.Join(spanish ? " o " : " or ", raw.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(TemplateFacts.ReadInstant).OfType<DateTime>()
                .Select(t => Local(t).ToString(spanish ? "ddd d MMM H:mm" : "ddd MMM d h:mm tt", culture))) is { Length: > 0 } times ? times : null,
            FactKind.Channel => (raw, spanish) switch
            {
                ("sms", false) => "by text message",
                ("email", false) => "by email",
                ("sms", true) => "por SMS",
                ("email", true) => "por correo electrónico",
                (_, true) => "por SMS y correo",
                _ => "by text and email",
            },
            _ => raw,
        };
    }

    private static string Milestone(OrderMilestone milestone, bool spanish) => spanish ? CustomerPhrases.SpanishName(milestone) : CustomerPhrases.EnglishName(milestone);

    private static string Deadline(DateTime local, DateTime localNow, bool spanish)
    {
        var culture = spanish ? Spanish : English;
        return (spanish, local.Date == localNow.Date) switch
        {
            (false, true) => local.ToString("h:mm tt", culture),
            (false, false) => local.ToString("h:mm tt dddd", culture),
            (true, true) => "las " + local.ToString("H:mm", culture),
            (true, false) => "las " + local.ToString("H:mm", culture) + " del " + local.ToString("dddd", culture),
        };
    }

    private static Money? ReadMoney(string raw)
    {
        var parts = raw.Split(' ', 2);
        return parts.Length == 2 && long.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var amount) && parts[1].Length == 3
            ? new Money(amount, parts[1])
            : null;
    }

    /// <summary>Liquid's line breaks and spaces around tags collapse: a message is one paragraph with single spaces.</summary>
    private static string Clean(string text) => SpaceRun().Replace(text.Replace('\n', ' '), " ").Trim();

    [GeneratedRegex(@"\{\{-?\s*link\s*(\||-?\}\})")]
    private static partial Regex LinkUse();

    [GeneratedRegex(@"\{%-?\s*(comment|raw)\s*-?%\}.*?\{%-?\s*end\1\s*-?%\}", RegexOptions.Singleline)]
    private static partial Regex IgnoredBlock();

    [GeneratedRegex("[ \t]{2,}")]
    private static partial Regex SpaceRun();

    [GeneratedRegex(@"\{\{-?(?<inner>.*?)-?\}\}|\{%-?(?<inner>.*?)-?%\}", RegexOptions.Singleline)]
    private static partial Regex Tag();

    [GeneratedRegex(@"""[^""]*""|'[^']*'")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"(?<pipe>\|\s*)?(?<name>[A-Za-z_][A-Za-z0-9_]*)(?<member>\.[A-Za-z_][A-Za-z0-9_.]*)?")]
    private static partial Regex Name();

    [GeneratedRegex(@"line\s*(?<line>\d+)|\((?<line>\d+):\d+\)", RegexOptions.IgnoreCase)]
    private static partial Regex ErrorLine();

    private static int LineOf(string error) => ErrorLine().Match(error) is { Success: true } m ? int.Parse(m.Groups["line"].Value, CultureInfo.InvariantCulture) : 0;

    /// <summary>Names in tags that are neither facts of the model, variables the template assigns, Liquid words, nor known filters.</summary>
    private static IEnumerable<TemplateProblem> UnknownNames(string part, string text, HashSet<string> known)
    {
        var declared = new HashSet<string>(known, StringComparer.Ordinal);
        // Comments and raw blocks are text, not code: blank them out, keeping their line breaks for the line numbers.
        text = IgnoredBlock().Replace(text, m => new string(m.Value.Select(c => c == '\n' ? '\n' : ' ').ToArray()));
        foreach (Match tag in Tag().Matches(text))
        {
            var inner = StringLiteral().Replace(tag.Groups["inner"].Value, " ");
            var line = text.AsSpan(0, tag.Index).Count('\n') + 1;
            var first = true;
            foreach (Match name in Name().Matches(inner))
            {
                var word = name.Groups["name"].Value;
                var isTag = tag.Value.StartsWith("{%", StringComparison.Ordinal);
                if (isTag && first && !Tags.Contains(word))
                {
                    yield return new TemplateProblem(part, line, $"Line {line}: the tag '{word}' cannot be used in a message. Use one of: {string.Join(", ", Tags.Where(t => !t.StartsWith("end", StringComparison.Ordinal)))}.");
                    break;
                }

                if (name.Groups["pipe"].Success)
                {
                    if (!Filters.Contains(word))
                    {
                        yield return new TemplateProblem(part, line, $"Line {line}: there is no filter named '{word}'. Use one of: {string.Join(", ", Filters.Order())}.");
                    }
                }
                else if (isTag && first && word is "assign" or "capture" or "for")
                {
                    // The next name is the variable this tag declares.
                    var declaredName = Name().Matches(inner).Skip(1).FirstOrDefault()?.Groups["name"].Value;
                    if (declaredName is not null)
                    {
                        declared.Add(declaredName);
                    }
                }
                else if (!(isTag && first) && !Words.Contains(word) && !declared.Contains(word) && !IsNumberOrNamedArgument(inner, name))
                {
                    yield return new TemplateProblem(part, line,
                        $"Line {line}: '{word}' is not a fact of this message. Use one of: {string.Join(", ", known.Order(StringComparer.Ordinal))}.");
                }

                first = false;
            }
        }
    }

    /// <summary>A filter's named argument ("truncate: 70" has none; "default: x" passes x as a value).</summary>
    private static bool IsNumberOrNamedArgument(string inner, Match name)
    {
        var after = inner.AsSpan(name.Index + name.Length).TrimStart();
        return after.Length > 0 && after[0] == ':' && !inner.AsSpan(0, name.Index).TrimEnd().EndsWith("|");
    }

    /// <summary>Texts that already greet the customer by name ("Hi Olivia, ...") are not greeted twice in email.</summary>
    private static bool GreetsAlready(string text, TemplateContext context) =>
        text.IndexOf(context.CustomerFirstName, StringComparison.Ordinal) is >= 0 and < 30;

    /// <summary>The email's text part. A staff message already ends with its writer's name, site and link, so it is signed once: no footer.</summary>
    private static string EmailText(string text, bool spanish, TemplateContext context, bool footer) =>
        (GreetsAlready(text, context) ? "" : spanish ? $"Hola {context.CustomerFirstName}:\n\n" : $"Hi {context.CustomerFirstName},\n\n") + text +
        (!footer ? "" : "\n\n" + (spanish
            ? $"Vea el estado de todo lo suyo en cualquier momento: {context.Link}\n\n{context.SiteName}"
            : $"See where everything stands at any time: {context.Link}\n\n{context.SiteName}"));

    private static string EmailHtml(string subject, string text, bool spanish, TemplateContext context)
    {
        var link = WebUtility.HtmlEncode(context.Link);
        var encodedText = WebUtility.HtmlEncode(text).Replace(link, $"<a href=\"{link}\">{link}</a>", StringComparison.Ordinal);
        var greeting = spanish ? $"Hola {WebUtility.HtmlEncode(context.CustomerFirstName)}:" : $"Hi {WebUtility.HtmlEncode(context.CustomerFirstName)},";
        var button = spanish ? "Ver mi seguimiento" : "See my updates";
        return $"""
            <!DOCTYPE html>
            <html lang="{(spanish ? "es" : "en")}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{WebUtility.HtmlEncode(subject)}</title></head>
            <body style="margin:0;background:#f5f7fb;font-family:Segoe UI,Helvetica,Arial,sans-serif;color:#14213d">
            <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="padding:24px 12px"><tr><td align="center">
            <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border:1px solid #e2e8f0;border-radius:10px">
            <tr><td style="background:#14213d;color:#ffffff;padding:16px 24px;border-radius:10px 10px 0 0;font-weight:700">{WebUtility.HtmlEncode(context.SiteName)}</td></tr>
            <tr><td style="padding:24px;font-size:16px;line-height:1.55">
            {(GreetsAlready(text, context) ? "" : $"<p style=\"margin:0 0 12px\">{greeting}</p>")}
            <p style="margin:0 0 20px">{encodedText}</p>
            <p style="margin:0 0 8px"><a href="{link}" style="display:inline-block;background:#1f4e8c;color:#ffffff;text-decoration:none;padding:10px 18px;border-radius:8px;font-weight:600">{button}</a></p>
            </td></tr></table></td></tr></table>
            </body></html>
            """;
    }
}
