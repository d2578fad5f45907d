package dev.herald.rendering.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;

/**
 * Every format with the shapes reports take besides the usual: one column, no criteria, no rows,
 * and a very wide report. Each file must open in what reads that format and hold what was written.
 */
class ReportShapesTest {

    enum Format {
        CSV(out -> new CsvRenderer(out, ',', false)),
        EXCEL(out -> new XlsxRenderer(out, false)),
        EXCEL_FORMATTED(out -> new XlsxRenderer(out, true)),
        XML(XmlRenderer::new),
        PDF(PdfRenderer::new);

        final Function<ByteArrayOutputStream, Renderer> renderer;

        Format(Function<ByteArrayOutputStream, Renderer> renderer) {
            this.renderer = renderer;
        }
    }

    private record Shape(String name, List<ColumnSpec> columns, List<Object[]> rows) {}

    private static final List<ColumnSpec> ONE = List.of(new ColumnSpec("n", "N", ColumnType.INTEGER));

    private static List<Shape> shapes() {
        List<ColumnSpec> wide = new ArrayList<>();
        Object[] wideRow = new Object[300];
        for (int i = 0; i < 300; i++) {
            wide.add(new ColumnSpec("c" + i, "Column " + i, ColumnType.TEXT));
            wideRow[i] = "v" + i;
        }
        return List.of(
                new Shape("one column, one row", ONE, List.<Object[]>of(new Object[] {1L})),
                new Shape("one column, no rows", ONE, List.of()),
                new Shape("300 columns", wide, List.<Object[]>of(wideRow)));
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void everyShapeRendersAndOpens(Format format) throws Exception {
        for (Shape shape : shapes()) {
            byte[] file = render(format, shape);
            assertThat(file).as(format + ", " + shape.name()).isNotEmpty();
            String last = shape.columns().get(shape.columns().size() - 1).label();
            switch (format) {
                case CSV -> {
                    String[] lines = new String(file, StandardCharsets.UTF_8).split("\r?\n");
                    assertThat(lines).as(shape.name()).hasSize(1 + shape.rows().size());
                    assertThat(lines[0]).endsWith(last);
                }
                case EXCEL, EXCEL_FORMATTED -> {
                    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
                        XSSFSheet data = workbook.getSheetAt(0);
                        int header = format == Format.EXCEL ? 0 : findHeader(data, shape);
                        assertThat(data.getRow(header)
                                        .getCell(shape.columns().size() - 1)
                                        .getStringCellValue())
                                .as(shape.name())
                                .isEqualTo(last);
                    }
                }
                case XML -> {
                    Document document = DocumentBuilderFactory.newInstance()
                            .newDocumentBuilder()
                            .parse(new ByteArrayInputStream(file));
                    assertThat(document.getDocumentElement()).isNotNull();
                }
                case PDF -> {
                    try (PDDocument document = Loader.loadPDF(file)) {
                        assertThat(document.getNumberOfPages()).isPositive();
                        assertThat(new PDFTextStripper().getText(document)).contains("Shapes");
                    }
                }
            }
        }
    }

    /** The row of the formatted sheet whose first cell is the first column's label. */
    private static int findHeader(XSSFSheet sheet, Shape shape) {
        for (int r = sheet.getFirstRowNum(); r <= sheet.getLastRowNum(); r++) {
            var row = sheet.getRow(r);
            if (row != null
                    && row.getCell(0) != null
                    && shape.columns().get(0).label().equals(row.getCell(0).getStringCellValue())) {
                return r;
            }
        }
        throw new AssertionError("No header row in " + shape.name());
    }

    private static byte[] render(Format format, Shape shape) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Renderer renderer = format.renderer.apply(out);
        renderer.begin(new RenderHeader(
                "Shapes",
                "shapes",
                "Shapes",
                "Herald Demo Theatre",
                ZonedDateTime.of(2026, 12, 5, 7, 0, 0, 0, ZoneId.of("Europe/London")),
                List.of(),
                shape.columns()));
        for (Object[] row : shape.rows()) {
            renderer.row(row.clone());
        }
        renderer.finish(new Object[shape.columns().size()], shape.rows().size());
        return out.toByteArray();
    }
}
