package com.jadecrane.content;

import java.util.Set;

import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.stereotype.Component;

/**
 * Renders the Markdown subset of guide text (bold, italic, links, lists) to HTML that is safe to
 * insert into a page: raw HTML is escaped, never passed through, and link targets other than
 * http(s), mailto and relative ones are dropped (so {@code javascript:} never survives).
 */
@Component
class Markdown {

    private final Parser parser = Parser.builder().enabledBlockTypes(Set.of(ListBlock.class)).build();

    private final HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

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
