package com.jadecrane.content;

import java.util.Set;

import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.UrlSanitizer;
import org.springframework.stereotype.Component;

/**
 * Renders the Markdown subset of guide text (bold, italic, links, lists) to HTML that is safe to
 * insert into a page: raw HTML is escaped, never passed through, and a link target is kept only
 * when it passes the same rule as saved links (https:, http: or site-relative), so
 * {@code javascript:} and {@code data:} never survive. Images are not part of the subset.
 */
@Component
class Markdown {

    private final Parser parser = Parser.builder().enabledBlockTypes(Set.of(ListBlock.class)).build();

    private final HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true)
            .urlSanitizer(new SiteLinksOnly()).build();

    String toHtml(String text) {
        return text == null || text.isBlank() ? "" : renderer.render(parser.parse(text)).strip();
    }

    /** For one list item or a short line: the text's inline markup without the surrounding paragraph. */
    String toInlineHtml(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        Node document = parser.parse(text);
        if (document.getFirstChild() instanceof Paragraph paragraph && paragraph.getNext() == null) {
            StringBuilder html = new StringBuilder();
            for (Node child = paragraph.getFirstChild(); child != null; child = child.getNext()) {
                html.append(renderer.render(child));
            }
            return html.toString().strip();
        }
        return renderer.render(document).strip();
    }

    private static final class SiteLinksOnly implements UrlSanitizer {

        @Override
        public String sanitizeLinkUrl(String url) {
            return GuideRules.isSafeHref(url) ? url : "";
        }

        @Override
        public String sanitizeImageUrl(String url) {
            return "";
        }
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
