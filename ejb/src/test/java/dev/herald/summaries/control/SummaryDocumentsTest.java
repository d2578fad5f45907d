package dev.herald.summaries.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.summaries.control.Summary.Audience;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The page and the PDF of the hand-made summary: the same sections and figures, names escaped. */
class SummaryDocumentsTest {

    private static final String ORGANISATION = "Summit <b>Desk</b> & Co";

    private static Summary summary(Audience audience) {
        return SummaryFigures.compute(
                audience, ORGANISATION, HandMadeTickets.PERIOD, HandMadeTickets.current(), HandMadeTickets.previous());
    }

    @Test
    void theOwnersPageShowsTheirSectionsWithChartsAndEscapesNames() throws Exception {
        String page = SummaryPage.of(summary(Audience.OWNER));
        keep("owner.html", page.getBytes(StandardCharsets.UTF_8));

        assertThat(page)
                .contains("Summit &lt;b&gt;Desk&lt;/b&gt; &amp; Co")
                .doesNotContain("<b>Desk")
                .contains("Mon 23 Nov 2026 – Sun 29 Nov 2026", "compared with Mon 16 Nov 2026 – Sun 22 Nov 2026")
                .contains(
                        "Service desk summary",
                        "Customer sentiment",
                        "Automation impact",
                        "Recurring patterns and alerts",
                        "Recommendations")
                .contains("<span class=\"label\">Tickets opened</span><span class=\"value\">6</span>")
                .contains("<span class=\"label\">Resolved</span><span class=\"value\">50%</span>")
                .contains("<span class=\"change bad\">−25 pts vs previous</span>") // resolution 75% → 50%
                .contains("Only 50% of tickets resolved", "Contact the 2 frustrated customers")
                .contains("<svg", "<title>Tue 24 · This period: 2</title>")
                .contains("href=\"summary.pdf\"", "href=\"../style.css\"")
                .doesNotContain("<script", "style=\"", "Team performance", "Company breakdown");
    }

    @Test
    void theManagersPdfHasEverySectionAndTheirFigures() throws Exception {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        SummaryPdf.write(summary(Audience.MANAGER), pdf);
        keep("manager.pdf", pdf.toByteArray());

        try (PDDocument document = Loader.loadPDF(pdf.toByteArray())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text)
                    .contains(ORGANISATION, "Manager summary", "Mon 23 Nov 2026 – Sun 29 Nov 2026")
                    .contains(
                            "Service desk summary",
                            "Customer sentiment",
                            "Automation impact",
                            "Recurring patterns and alerts",
                            "Recommendations",
                            "Team performance",
                            "Technician and client affinities",
                            "Escalation patterns",
                            "Company breakdown")
                    .contains("Tickets opened per day", "Tickets per technician")
                    .contains("Only 50% of tickets resolved", "1 urgent ticket unresolved")
                    .contains("Sam Patel", "3.3 h", "Birchwood & Co.", "67%");
        }
        String page = SummaryPage.of(summary(Audience.MANAGER));
        keep("manager.html", page.getBytes(StandardCharsets.UTF_8));
        assertThat(page).contains("Team performance", "Sam Patel", "3.3 h", "33%");
    }

    /** Leaves the documents in target/summaries for people to open. */
    private static void keep(String name, byte[] content) throws Exception {
        Path directory = Path.of("target", "summaries");
        Files.createDirectories(directory);
        Files.write(directory.resolve(name), content);
    }
}
