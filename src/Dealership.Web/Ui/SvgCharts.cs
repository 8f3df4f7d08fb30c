using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Dealership.Web.Ui;

/// <summary>
/// Charts drawn on the server as inline SVG: no script, no CDN, readable offline, printable, and read out by
/// screen readers from their title and the table of figures each chart sits beside. Colours come from CSS
/// classes (<c>.chart .tone-…</c>), so the palette lives in one place.
/// </summary>
public static class SvgCharts
{
    /// <summary>One row of a bar chart: <paramref name="Value"/> against <paramref name="Max"/>, with the words shown after the bar.</summary>
    public sealed record Bar(string Label, double Value, double Max, string Caption, string Tone = "brand", string? Href = null, double? Marker = null, string? Tip = null);

    /// <summary>One part of a stacked row.</summary>
    public sealed record Segment(string Name, double Value, string Tone);

    public sealed record StackedRow(string Label, IReadOnlyList<Segment> Segments, string Caption);

    private const int RowHeight = 30;

    /// <summary>
    /// The drawing's own width: a chart in a half-width card is drawn narrower (<see cref="Narrow"/>) so that,
    /// scaled to its card, its words stay as large as a full-width chart's.
    /// </summary>
    public const int Wide = 760;

    public const int Narrow = 540;

    private sealed record Layout(int Width)
    {
        public int LabelWidth => Width * (Width >= Wide ? 30 : 35) / 100;

        public int BarWidth => Width * (Width >= Wide ? 30 : 32) / 100;

        public int CaptionX => LabelWidth + BarWidth + 8;

        public int MaxLabel => Width >= Wide ? 30 : 26;
    }

    /// <summary>Horizontal bars, one per row; an optional marker (a thin line) shows a second value such as the 90th percentile.</summary>
    public static IHtmlContent Bars(string title, IReadOnlyList<Bar> rows, string? testId = null, int width = Wide)
    {
        var layout = new Layout(width);
        var (LabelWidth, BarWidth) = (layout.LabelWidth, layout.BarWidth);
        var height = Math.Max(1, rows.Count) * RowHeight + 8;
        var svg = Open(title, width, height, testId);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var y = 4 + (i * RowHeight);
            var fraction = row.Max <= 0 ? 0 : Math.Clamp(row.Value / row.Max, 0, 1);
            Label(svg, layout, row.Label, y, row.Href);
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"track\" x=\"{LabelWidth}\" y=\"{y + 6}\" width=\"{BarWidth}\" height=\"16\" rx=\"3\"/>");
            if (fraction > 0)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"tone-{Enc(row.Tone)}\" x=\"{LabelWidth}\" y=\"{y + 6}\" width=\"{Math.Max(2, fraction * BarWidth):0.#}\" height=\"16\" rx=\"3\"><title>{Enc(row.Label)}: {Enc(row.Tip ?? row.Caption)}</title></rect>");
            }

            if (row.Marker is { } marker && row.Max > 0)
            {
                var x = LabelWidth + (Math.Clamp(marker / row.Max, 0, 1) * BarWidth);
                svg.Append(CultureInfo.InvariantCulture, $"<line class=\"marker\" x1=\"{x:0.#}\" x2=\"{x:0.#}\" y1=\"{y + 2}\" y2=\"{y + 26}\"/>");
            }

            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"caption\" x=\"{layout.CaptionX}\" y=\"{y + 19}\">{Enc(row.Caption)}</text>");
        }

        return Close(svg);
    }

    /// <summary>Rows split into coloured parts, all on one scale (the largest row fills the bar), so rows compare by length.</summary>
    public static IHtmlContent Stacked(string title, IReadOnlyList<StackedRow> rows, string? testId = null, int width = Wide)
    {
        var layout = new Layout(width);
        var (LabelWidth, BarWidth) = (layout.LabelWidth, layout.BarWidth);
        var height = Math.Max(1, rows.Count) * RowHeight + 8;
        var svg = Open(title, width, height, testId);
        var scale = Math.Max(1, rows.Count == 0 ? 1 : rows.Max(r => r.Segments.Sum(s => s.Value)));
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var y = 4 + (i * RowHeight);
            Label(svg, layout, row.Label, y, null);
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"track\" x=\"{LabelWidth}\" y=\"{y + 6}\" width=\"{BarWidth}\" height=\"16\" rx=\"3\"/>");
            var x = (double)LabelWidth;
            foreach (var segment in row.Segments.Where(s => s.Value > 0))
            {
                var w = segment.Value / scale * BarWidth;
                svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"tone-{Enc(segment.Tone)}\" x=\"{x:0.#}\" y=\"{y + 6}\" width=\"{w:0.#}\" height=\"16\"><title>{Enc(segment.Name)}: {segment.Value:0.#}</title></rect>");
                x += w;
            }

            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"caption\" x=\"{layout.CaptionX}\" y=\"{y + 19}\">{Enc(row.Caption)}</text>");
        }

        return Close(svg);
    }

    /// <summary>The colour key for a stacked chart, as HTML so it wraps on a phone.</summary>
    public static IHtmlContent Legend(params (string Name, string Tone)[] entries)
    {
        var html = new StringBuilder("<ul class=\"chart-legend\">");
        foreach (var (name, tone) in entries)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li><span class=\"swatch tone-{Enc(tone)}\" aria-hidden=\"true\"></span>{Enc(name)}</li>");
        }

        return new HtmlString(html.Append("</ul>").ToString());
    }

    private static StringBuilder Open(string title, int width, int height, string? testId)
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg class=\"chart{(width >= Wide ? " chart-wide" : "")}\" viewBox=\"0 0 {width} {height}\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\" role=\"img\" aria-label=\"{Enc(title)}\"{(testId is null ? "" : $" data-testid=\"{Enc(testId)}\"")}><title>{Enc(title)}</title>");
        return svg;
    }

    private static HtmlString Close(StringBuilder svg) => new(svg.Append("</svg>").ToString());

    private static void Label(StringBuilder svg, Layout layout, string label, int y, string? href)
    {
        var text = label.Length > layout.MaxLabel ? label[..(layout.MaxLabel - 1)] + "…" : label;
        var element = $"<text class=\"label\" x=\"{layout.LabelWidth - 8}\" y=\"{y + 19}\" text-anchor=\"end\"><title>{Enc(label)}</title>{Enc(text)}</text>";
        svg.Append(href is null ? element : $"<a href=\"{Enc(href)}\">{element}</a>");
    }

    private static string Enc(string value) => HtmlEncoder.Default.Encode(value);
}
