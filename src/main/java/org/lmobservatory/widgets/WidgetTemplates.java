package org.lmobservatory.widgets;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.html.HtmlTemplateOutput;

/**
 * The widgets' jte templates (src/main/jte/widgets), compiled to Java classes of this package at build time by
 * jte-maven-plugin: at run time they are only loaded, so no Java compiler is needed where the jar runs.
 */
final class WidgetTemplates {
    /** Templates under src/main/jte/widgets become classes of org.lmobservatory.widgets (the plugin's packageName). */
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(null, ContentType.Html, null, "org.lmobservatory");

    private WidgetTemplates() {
    }

    /** Renders a template that takes one parameter, e.g. {@code render("widgets/page.jte", view)}. */
    static String render(String template, Object param) {
        MarkupOutput out = new MarkupOutput();
        ENGINE.render(template, param, out);
        return out.toString();
    }

    /**
     * jte parses the template's HTML and tells the output where each {@code ${…}} stands (tag, attribute); this output
     * escapes text and quoted attribute values alike with {@link Markup#escape}, the project's one escaper (all five
     * special characters, control characters dropped), so the widget's HTML is byte for byte what it was before templates
     * and matches the SVG drawn beside it. A value inside script, style or an event handler would need another escaping:
     * the widget has none, and rather than escape wrongly such a template fails loudly.
     */
    static final class MarkupOutput implements HtmlTemplateOutput {
        private final StringBuilder html = new StringBuilder(16384);
        private String tag;
        private String attribute;

        @Override
        public void setContext(String tagName, String attributeName) {
            this.tag = tagName;
            this.attribute = attributeName;
        }

        @Override
        public void writeUserContent(String value) {
            if (value == null) return;
            if ("script".equalsIgnoreCase(tag) || "style".equalsIgnoreCase(tag) || (attribute != null && attribute.startsWith("on"))) {
                throw new IllegalStateException("No escaped values inside <" + tag + "> or an event handler: write trusted code with $unsafe{}");
            }
            html.append(Markup.escape(value));
        }

        @Override
        public void writeContent(String value) {
            html.append(value);
        }

        @Override
        public void writeContent(String value, int beginIndex, int endIndex) {
            html.append(value, beginIndex, endIndex);
        }

        @Override
        public String toString() {
            return html.toString();
        }
    }
}
