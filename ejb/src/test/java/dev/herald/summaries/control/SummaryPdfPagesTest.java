package dev.herald.summaries.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.summaries.control.Summary.Audience;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * No heading or chart caption ends a page of the summary PDF: each stays with what follows it. The
 * manager's summary is made again and again behind a first section of 0 to 45 lines, which moves
 * every later heading down the page a line at a time, so that each kind of block (figures, chart,
 * table, alerts, advice) comes after a heading that falls near a page's foot. Read back with PDFBox.
 */
class SummaryPdfPagesTest {

    @Test
    void aHeadingOrCaptionIsNeverTheLastLineOfAPage() throws Exception {
        Summary summary = SummaryFigures.compute(
                Audience.MANAGER,
                "Summit Desk",
                HandMadeTickets.PERIOD,
                HandMadeTickets.current(),
                HandMadeTickets.previous());
        List<SummarySections.Section> sections = SummarySections.of(summary);
        Set<String> headings = new HashSet<>();
        for (SummarySections.Section section : sections) {
            headings.add(section.title());
            section.blocks().stream()
                    .filter(SummarySections.ChartBlock.class::isInstance)
                    .map(block -> ((SummarySections.ChartBlock) block).chart().title())
                    .forEach(headings::add);
        }
        List<String> orphans = new ArrayList<>();
        int headingsNearTheFoot = 0;
        for (int filler = 0; filler <= 45; filler++) {
            List<String> lines = new ArrayList<>();
            for (int i = 1; i <= filler; i++) {
                lines.add("Filler line " + i + " that moves what follows down the page.");
            }
            List<SummarySections.Section> shifted = new ArrayList<>();
            shifted.add(new SummarySections.Section(
                    "Filler", false, List.of(), List.of(new SummarySections.AdviceBlock(lines))));
            shifted.addAll(sections);
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            SummaryPdf.write(summary, shifted, pdf);
            try (PDDocument document = Loader.loadPDF(pdf.toByteArray())) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setSortByPosition(true);
                for (int page = 1; page < document.getNumberOfPages(); page++) {
                    stripper.setStartPage(page);
                    stripper.setEndPage(page);
                    List<String> text = stripper.getText(document)
                            .lines()
                            .map(String::strip)
                            .filter(line -> !line.isEmpty())
                            .toList();
                    String last = text.get(text.size() - 1);
                    if (headings.contains(last)) {
                        orphans.add("with " + filler + " filler lines, page " + page + " ends with " + last);
                    }
                    // A heading in the lowest fifth of the page's lines: the situation under test.
                    for (int i = (int) (text.size() * 0.8); i < text.size(); i++) {
                        if (headings.contains(text.get(i))) {
                            headingsNearTheFoot++;
                        }
                    }
                }
            }
        }
        assertThat(headingsNearTheFoot)
                .as("the test puts headings near a page's foot")
                .isGreaterThan(10);
        assertThat(orphans).isEmpty();
    }
}
