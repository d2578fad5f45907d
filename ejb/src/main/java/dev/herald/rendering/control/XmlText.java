package dev.herald.rendering.control;

import java.io.IOException;
import java.io.Writer;

/** Escapes text for XML content and attributes; characters XML 1.0 cannot hold become U+FFFD. */
final class XmlText {

    private XmlText() {}

    static void write(Writer out, String text) throws IOException {
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            String replacement;
            if (c >= 0x20 && c != '&' && c != '<' && c != '>' && c != '"' && c < 0xD800) {
                continue;
            }
            if (c == '&') {
                replacement = "&amp;";
            } else if (c == '<') {
                replacement = "&lt;";
            } else if (c == '>') {
                replacement = "&gt;";
            } else if (c == '"') {
                replacement = "&quot;";
            } else if (c == '\t' || c == '\n') {
                continue;
            } else if (c == '\r') {
                replacement = "&#13;";
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                continue;
            } else if (c < 0x20 || Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF) {
                replacement = "\uFFFD";
            } else {
                continue;
            }
            out.write(text, start, i - start);
            out.write(replacement);
            start = i + 1;
        }
        out.write(text, start, n - start);
    }
}
