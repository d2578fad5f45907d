package dev.herald.rendering.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The PDF's text read back with PDFBox, page by page. */
class PdfRendererTest {

    private static String text(PDDocument document, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(document);
    }

    @Test
    void titleCriteriaNamesAndTotalsOnTheFirstPage() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(SampleReport.render(PdfRenderer::new, 0))) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            String page = text(pdf, 1);
            assertThat(page)
                    .contains("Yesterday's Sales")
                    .contains("Payments & Activities (detailed)")
                    .contains("Payment date: Last week: 16 Nov 2026 – 22 Nov 2026")
                    .contains("Zoë Ångström")
                    .contains("Дмитрий Σοφία Łukasz")
                    .contains("1,000,000.00")
                    .contains("2026-11-16 09:05")
                    .contains("Total")
                    .contains("1,000,016.35")
                    .contains("Page 1 of 1");
        }
    }

    @Test
    void headerRepeatsOnEveryPageAndPagesAreCounted() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(SampleReport.render(PdfRenderer::new, 400))) {
            int pages = pdf.getNumberOfPages();
            assertThat(pages).isGreaterThan(3);
            for (int page = 1; page <= pages; page++) {
                String text = text(pdf, page);
                assertThat(text).as("page " + page).contains("Customer", "Paid at", "Page " + page + " of " + pages);
            }
            assertThat(text(pdf, pages)).contains("Customer 399", "Total");
        }
    }

    @Test
    void wideReportsTurnLandscape() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(SampleReport.render(PdfRenderer::new, 0))) {
            PDPage page = pdf.getPage(0);
            boolean turned = page.getRotation() % 180 != 0;
            float width =
                    turned ? page.getMediaBox().getHeight() : page.getMediaBox().getWidth();
            float height =
                    turned ? page.getMediaBox().getWidth() : page.getMediaBox().getHeight();
            assertThat(width).as("eight columns do not fit upright").isGreaterThan(height);
        }
    }
}
