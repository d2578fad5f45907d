package dev.herald.rendering.control;

import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The fonts of every PDF Herald makes: DejaVu Sans, embedded as a subset, so that any script prints. */
public final class PdfFonts {

    public static final BaseFont REGULAR = font("net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf");
    public static final BaseFont BOLD = font("net/sf/jasperreports/fonts/dejavu/DejaVuSans-Bold.ttf");

    private PdfFonts() {}

    private static BaseFont font(String resource) {
        try (InputStream in = PdfFonts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Font " + resource + " is not on the class path");
            }
            return BaseFont.createFont(resource, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DocumentException e) {
            throw new IllegalStateException("Cannot load font " + resource, e);
        }
    }
}
