package dev.herald.rendering.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Both Excel formats read back with Apache POI. */
class XlsxRendererTest {

    private static XSSFWorkbook read(byte[] bytes) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    @Test
    void unformattedHasOneHeaderRowAndTypedValues() throws IOException {
        try (XSSFWorkbook workbook = read(SampleReport.render(out -> new XlsxRenderer(out, false), 0))) {
            XSSFSheet data = workbook.getSheetAt(0);
            assertThat(data.getSheetName()).isEqualTo("Yesterday s Sales");
            assertThat(data.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Id");
            assertThat(data.getLastRowNum()).as("header + 6 rows, no totals").isEqualTo(6);

            Row first = data.getRow(1);
            assertThat(first.getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(first.getCell(0).getNumericCellValue()).isEqualTo(1.0);
            assertThat(first.getCell(1).getStringCellValue()).isEqualTo("Zoë Ångström");
            assertThat(first.getCell(3).getNumericCellValue()).isEqualTo(12.5);
            assertThat(first.getCell(5).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2026, 11, 16, 0, 0));
            assertThat(first.getCell(6).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2026, 11, 16, 9, 5, 7));
            assertThat(first.getCell(6).getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd hh:mm");
            assertThat(first.getCell(7).getBooleanCellValue()).isTrue();
            assertThat(data.getRow(2).getCell(2).getStringCellValue()).isEqualTo("comma, \"quoted\" and\nnew line");
            assertThat(data.getRow(2).getCell(3).getNumericCellValue()).isEqualTo(-3.25);
            assertThat(data.getRow(4).getCell(5)).as("null stays empty").isNull();

            XSSFSheet criteria = workbook.getSheet("Criteria");
            assertThat(criteria.getRow(3).getCell(0).getStringCellValue()).isEqualTo("Payment date");
            assertThat(criteria.getRow(3).getCell(1).getStringCellValue())
                    .isEqualTo("Last week: 16 Nov 2026 – 22 Nov 2026");
        }
    }

    @Test
    void textNeverBecomesAFormula() throws IOException {
        for (boolean formatted : new boolean[] {false, true}) {
            try (XSSFWorkbook workbook = read(SampleReport.render(out -> new XlsxRenderer(out, formatted), 0))) {
                XSSFSheet sheet = workbook.getSheetAt(0);
                int header = formatted ? 4 : 0;
                XSSFCell formulaLike = sheet.getRow(header + 3).getCell(1);
                assertThat(formulaLike.getCellType()).isEqualTo(CellType.STRING);
                assertThat(formulaLike.getStringCellValue()).isEqualTo("=HYPERLINK(\"http://evil\")");
                assertThat(sheet.getRow(header + 3).getCell(2).getCellType()).isEqualTo(CellType.STRING);
                assertThat(sheet.getRow(header + 4).getCell(1).getStringCellValue())
                        .isEqualTo("@SUM(A1)");
                assertThat(sheet.getRow(header + 6).getCell(2).getStringCellValue())
                        .isEqualTo("\ttab first");
                assertThat(sheet.getRow(header + 6).getCell(1).getStringCellValue())
                        .isEqualTo("<tag> & \uFFFD control");
            }
        }
    }

    @Test
    void formattedHasTitleCriteriaStyledFrozenFilteredHeaderAndTotals() throws IOException {
        try (XSSFWorkbook workbook = read(SampleReport.render(out -> new XlsxRenderer(out, true), 0))) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Yesterday's Sales");
            assertThat(sheet.getRow(0).getCell(0).getCellStyle().getFont().getBold())
                    .isTrue();
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue())
                    .contains("Payments & Activities (detailed)", "Herald Demo Theatre", "2026-11-23 06:12:00");
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue())
                    .isEqualTo("Payment date: Last week: 16 Nov 2026 – 22 Nov 2026");

            XSSFRow header = sheet.getRow(4);
            assertThat(header.getCell(3).getStringCellValue()).isEqualTo("Amount");
            assertThat(header.getCell(3).getCellStyle().getFont().getBold()).isTrue();
            assertThat(header.getCell(3).getCellStyle().getFillForegroundColorColor())
                    .isNotNull();

            PaneInformation pane = sheet.getPaneInformation();
            assertThat(pane.isFreezePane()).isTrue();
            assertThat(pane.getHorizontalSplitPosition()).isEqualTo((short) 5);
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A5:H11");
            assertThat(sheet.getColumnWidth(1)).isGreaterThan(sheet.getColumnWidth(0));

            Row first = sheet.getRow(5);
            assertThat(first.getCell(3).getNumericCellValue()).isEqualTo(12.5);
            assertThat(first.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(first.getCell(5).getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd");

            Row totals = sheet.getRow(11);
            assertThat(totals.getCell(0).getStringCellValue()).isEqualTo("Total");
            assertThat(totals.getCell(3).getCellFormula()).isEqualTo("SUBTOTAL(109,D6:D11)");
            assertThat(totals.getCell(3).getNumericCellValue()).isEqualTo(1000016.35);
            assertThat(totals.getCell(4).getNumericCellValue()).isEqualTo(11.0);
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            assertThat(totals.getCell(3).getNumericCellValue())
                    .as("the formula agrees")
                    .isEqualTo(1000016.35);
        }
    }

    @Test
    void rowsBeyondASheetGoOnOverFurtherSheetsEachWithTheHeader() throws IOException {
        byte[] bytes = SampleReport.render(out -> new XlsxRenderer(out, true, 1, 20), 30);
        try (XSSFWorkbook workbook = read(bytes)) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
            XSSFSheet second = workbook.getSheetAt(1);
            assertThat(second.getSheetName()).isEqualTo("Yesterday s Sales (2)");
            assertThat(second.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Customer");
            XSSFSheet last = workbook.getSheetAt(2);
            XSSFRow totals = last.getRow(last.getLastRowNum());
            assertThat(totals.getCell(4).getNumericCellValue())
                    .as("tickets over all sheets")
                    .isEqualTo(41.0);
            long dataRows = 0;
            for (int s = 0; s < 3; s++) {
                XSSFSheet sheet = workbook.getSheetAt(s);
                for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                    XSSFRow row = sheet.getRow(r);
                    if (row != null && row.getCell(0) != null && row.getCell(0).getCellType() == CellType.NUMERIC) {
                        dataRows++;
                    }
                }
            }
            assertThat(dataRows).isEqualTo(36);
        }
    }

    @Test
    void columnLettersGoPastZ() {
        assertThat(XlsxRenderer.columnLetters(0)).isEqualTo("A");
        assertThat(XlsxRenderer.columnLetters(25)).isEqualTo("Z");
        assertThat(XlsxRenderer.columnLetters(26)).isEqualTo("AA");
        assertThat(XlsxRenderer.columnLetters(701)).isEqualTo("ZZ");
        assertThat(XlsxRenderer.columnLetters(702)).isEqualTo("AAA");
    }
}
