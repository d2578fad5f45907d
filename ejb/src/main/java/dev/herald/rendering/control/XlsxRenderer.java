package dev.herald.rendering.control;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Office Open XML workbooks (.xlsx), written straight into the zip as rows arrive. Text goes in as
 * inline strings (a shared-string table would have to hold every distinct text in memory until the
 * end), so memory stays flat; text is never a formula, whatever it starts with. Numbers, dates and
 * booleans are typed cells. The workbook, its styles and its content types are written after the
 * rows, when the number of rows and sheets is known.
 *
 * <p>Formatted: a title, the organisation, when it was made and the criteria above a bold, shaded
 * header row that stays frozen, column widths, number and date formats, an autofilter, and a totals
 * row ({@code SUBTOTAL}, so it follows the filter) where the report defines totals. Unformatted: one
 * header row and the values, dates with a plain date format, the criteria on a second sheet.
 *
 * <p>A sheet holds at most 1,048,576 rows; a longer report goes on over further sheets, each with
 * the header row.
 */
public final class XlsxRenderer implements Renderer {

    static final int MAX_ROWS = 1_048_576;
    private static final String MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final long EXCEL_EPOCH_DAY = LocalDate.of(1899, 12, 30).toEpochDay();

    // Fixed cell styles (indexes into cellXfs); column styles follow them.
    private static final int STYLE_TITLE = 1;
    private static final int STYLE_NOTE = 2;
    private static final int STYLE_HEADER = 3;
    private static final int STYLE_TOTAL_LABEL = 4;
    private static final int FIXED_STYLES = 5;

    private final ZipOutputStream zip;
    private final Writer out;
    private final boolean formatted;
    private final int maxRows;

    private RenderHeader header;
    private List<ColumnSpec> columns;
    private String[] letters;
    private int[] dataStyles;
    private int[] totalStyles;
    private final Map<String, Integer> numberFormats = new LinkedHashMap<>();
    private final List<String> sheetNames = new ArrayList<>();
    private int sheetRow;
    private int headerRow;
    private int firstDataRow;
    private boolean sheetOpen;
    private final String rowEnd = "</row>\n";

    /**
     * @param compressionLevel the zip's deflate level, 1 (fastest) to 9 (smallest)
     */
    public XlsxRenderer(OutputStream out, boolean formatted, int compressionLevel) {
        this(out, formatted, compressionLevel, MAX_ROWS);
    }

    /** With a smaller sheet, for tests of the overflow onto further sheets. */
    XlsxRenderer(OutputStream out, boolean formatted, int compressionLevel, int maxRows) {
        this.maxRows = maxRows;
        this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        this.zip.setLevel(compressionLevel);
        this.out = new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8), 1 << 16);
        this.formatted = formatted;
    }

    public XlsxRenderer(OutputStream out, boolean formatted) {
        this(out, formatted, Deflater.BEST_SPEED);
    }

    @Override
    public void begin(RenderHeader header) throws IOException {
        this.header = header;
        this.columns = header.columns();
        int n = columns.size();
        // The criteria sheet writes two columns (label, value), however few the report has.
        letters = new String[Math.max(n, 2)];
        dataStyles = new int[n];
        totalStyles = new int[n];
        for (int i = 0; i < letters.length; i++) {
            letters[i] = columnLetters(i);
        }
        assignStyles();
        startSheet(sheetName(header.title()));
    }

    @Override
    public void row(Object[] values) throws IOException {
        if (sheetRow >= maxRows - 1) {
            endSheet(null, false);
            startSheet(sheetName(header.title()) + " (" + (sheetNames.size() + 1) + ")");
        }
        String rowNumber = Integer.toString(++sheetRow);
        out.write("<row r=\"");
        out.write(rowNumber);
        out.write("\">");
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value != null) {
                cell(i, rowNumber, value, dataStyles[i], null);
            }
        }
        out.write(rowEnd);
    }

    @Override
    public void finish(Object[] totals, long rowCount) throws IOException {
        endSheet(formatted ? totals : null, sheetNames.size() == 1);
        if (!formatted) {
            criteriaSheet();
        }
        out.flush();
        entry("xl/workbook.xml");
        workbook();
        entry("xl/_rels/workbook.xml.rels");
        workbookRelationships();
        entry("xl/styles.xml");
        styles();
        entry("_rels/.rels");
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\""
                + "http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\""
                + REL_NS + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
        entry("[Content_Types].xml");
        contentTypes();
        out.flush();
        zip.finish();
    }

    // --- sheets

    private void startSheet(String name) throws IOException {
        sheetNames.add(name);
        out.flush();
        zip.putNextEntry(new ZipEntry("xl/worksheets/sheet" + sheetNames.size() + ".xml"));
        sheetOpen = true;
        sheetRow = 0;
        boolean first = sheetNames.size() == 1;
        int notes = formatted && first ? 2 + header.criteria().size() + 1 : 0;
        headerRow = notes + 1;
        firstDataRow = headerRow + 1;
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"" + MAIN_NS
                + "\" xmlns:r=\"" + REL_NS + "\">");
        out.write("<sheetViews><sheetView workbookViewId=\"0\"" + (first ? " tabSelected=\"1\"" : "") + ">");
        if (formatted) {
            out.write("<pane ySplit=\"" + headerRow + "\" topLeftCell=\"A" + firstDataRow
                    + "\" activePane=\"bottomLeft\" state=\"frozen\"/>");
        }
        out.write("</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>");
        if (formatted) {
            out.write("<cols>");
            for (int i = 0; i < columns.size(); i++) {
                out.write("<col min=\"" + (i + 1) + "\" max=\"" + (i + 1) + "\" width=\""
                        + (columns.get(i).effectiveWidth() + 1) + "\" customWidth=\"1\"/>");
            }
            out.write("</cols>");
        }
        out.write("<sheetData>");
        if (formatted && first) {
            note(header.title(), STYLE_TITLE);
            note(
                    header.reportName() + " · " + header.organisation() + " · made "
                            + CellText.DATE_TIME.format(header.generatedAt()) + " "
                            + header.generatedAt().getZone().getId(),
                    STYLE_NOTE);
            for (Criterion criterion : header.criteria()) {
                note(criterion.label() + ": " + criterion.value(), STYLE_NOTE);
            }
            sheetRow++;
        }
        sheetRow++;
        String rowNumber = Integer.toString(sheetRow);
        out.write("<row r=\"" + rowNumber + "\">");
        for (int i = 0; i < columns.size(); i++) {
            cell(i, rowNumber, columns.get(i).label(), formatted ? STYLE_HEADER : 0, null);
        }
        out.write(rowEnd);
    }

    private void note(String text, int style) throws IOException {
        sheetRow++;
        String rowNumber = Integer.toString(sheetRow);
        out.write("<row r=\"" + rowNumber + "\">");
        cell(0, rowNumber, text, style, null);
        out.write(rowEnd);
    }

    private void endSheet(Object[] totals, boolean formulas) throws IOException {
        int lastDataRow = sheetRow;
        if (totals != null) {
            sheetRow++;
            String rowNumber = Integer.toString(sheetRow);
            out.write("<row r=\"" + rowNumber + "\">");
            boolean labelled = false;
            for (int i = 0; i < columns.size(); i++) {
                if (totals[i] != null) {
                    String formula = formulas && lastDataRow >= firstDataRow
                            ? "SUBTOTAL(109," + letters[i] + firstDataRow + ":" + letters[i] + lastDataRow + ")"
                            : null;
                    cell(i, rowNumber, totals[i], totalStyles[i], formula);
                } else if (!labelled) {
                    cell(i, rowNumber, "Total", STYLE_TOTAL_LABEL, null);
                    labelled = true;
                }
            }
            out.write(rowEnd);
        }
        out.write("</sheetData>");
        if (formatted) {
            out.write("<autoFilter ref=\"" + filterRange(lastDataRow) + "\"/>");
        }
        out.write(
                "<pageMargins left=\"0.5\" right=\"0.5\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>");
        out.write("</worksheet>");
        out.flush();
        zip.closeEntry();
        sheetOpen = false;
        lastFilterRow = lastDataRow;
    }

    private int lastFilterRow;

    private String filterRange(int lastDataRow) {
        return "A" + headerRow + ":" + letters[columns.size() - 1] + Math.max(lastDataRow, headerRow);
    }

    private void criteriaSheet() throws IOException {
        sheetNames.add("Criteria");
        zip.putNextEntry(new ZipEntry("xl/worksheets/sheet" + sheetNames.size() + ".xml"));
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"" + MAIN_NS
                + "\" xmlns:r=\"" + REL_NS + "\"><sheetData>");
        int r = 0;
        String[][] lines = new String[header.criteria().size() + 3][];
        lines[0] = new String[] {"Report", header.reportName()};
        lines[1] = new String[] {"Organisation", header.organisation()};
        lines[2] = new String[] {
            "Made",
            CellText.DATE_TIME.format(header.generatedAt()) + " "
                    + header.generatedAt().getZone().getId()
        };
        for (int i = 0; i < header.criteria().size(); i++) {
            Criterion criterion = header.criteria().get(i);
            lines[i + 3] = new String[] {criterion.label(), criterion.value()};
        }
        for (String[] line : lines) {
            String rowNumber = Integer.toString(++r);
            out.write("<row r=\"" + rowNumber + "\">");
            cell(0, rowNumber, line[0], 0, null);
            cell(1, rowNumber, line[1] == null ? "" : line[1], 0, null);
            out.write(rowEnd);
        }
        out.write("</sheetData></worksheet>");
        out.flush();
        zip.closeEntry();
    }

    // --- cells

    private void cell(int column, String rowNumber, Object value, int style, String formula) throws IOException {
        out.write("<c r=\"");
        out.write(letters[column]);
        out.write(rowNumber);
        out.write('"');
        if (style != 0) {
            out.write(" s=\"");
            out.write(Integer.toString(style));
            out.write('"');
        }
        if (value instanceof String text) {
            out.write(" t=\"inlineStr\"><is><t");
            if (!text.isEmpty()
                    && (Character.isWhitespace(text.charAt(0))
                            || Character.isWhitespace(text.charAt(text.length() - 1)))) {
                out.write(" xml:space=\"preserve\"");
            }
            out.write('>');
            XmlText.write(out, text);
            out.write("</t></is></c>");
            return;
        }
        if (value instanceof Boolean b) {
            out.write(" t=\"b\"><v>");
            out.write(b ? '1' : '0');
            out.write("</v></c>");
            return;
        }
        out.write('>');
        if (formula != null) {
            out.write("<f>");
            out.write(formula);
            out.write("</f>");
        }
        out.write("<v>");
        if (value instanceof Long l) {
            out.write(Long.toString(l));
        } else if (value instanceof BigDecimal d) {
            out.write(d.toPlainString());
        } else if (value instanceof LocalDate d) {
            out.write(Long.toString(d.toEpochDay() - EXCEL_EPOCH_DAY));
        } else if (value instanceof LocalDateTime t) {
            double serial = t.toLocalDate().toEpochDay()
                    - EXCEL_EPOCH_DAY
                    + t.toLocalTime().toSecondOfDay() / 86400.0;
            out.write(Double.toString(serial));
        } else if (value instanceof Number n) {
            out.write(CellText.plainDouble(n.doubleValue()));
        } else {
            out.write(String.valueOf(value));
        }
        out.write("</v></c>");
    }

    static String columnLetters(int index) {
        StringBuilder letters = new StringBuilder();
        int n = index + 1;
        while (n > 0) {
            int remainder = (n - 1) % 26;
            letters.insert(0, (char) ('A' + remainder));
            n = (n - 1) / 26;
        }
        return letters.toString();
    }

    private static String sheetName(String title) {
        String name =
                title == null ? "" : title.replaceAll("[\\[\\]:*?/\\\\']", " ").strip();
        if (name.isEmpty()) {
            name = "Report";
        }
        return name.length() > 25 ? name.substring(0, 25).strip() : name;
    }

    // --- styles

    private void assignStyles() {
        int next = FIXED_STYLES;
        for (int i = 0; i < columns.size(); i++) {
            ColumnSpec column = columns.get(i);
            String format = numberFormat(column);
            if (format != null) {
                numberFormats.putIfAbsent(format, numberFormatId(format));
            }
            if (formatted
                    || format != null && (column.type() == ColumnType.DATE || column.type() == ColumnType.DATETIME)) {
                dataStyles[i] = next++;
            }
            if (formatted && column.total()) {
                totalStyles[i] = next++;
            }
        }
    }

    private String numberFormat(ColumnSpec column) {
        if (formatted && column.format() != null) {
            return column.format();
        }
        return switch (column.type()) {
            case DATE -> "yyyy-mm-dd";
            case DATETIME -> "yyyy-mm-dd hh:mm";
            case MONEY, DECIMAL -> formatted ? "#,##0.00" : null;
            case INTEGER -> formatted ? "#,##0" : null;
            default -> null;
        };
    }

    private int numberFormatId(String format) {
        return switch (format) {
            case "0" -> 1;
            case "0.00" -> 2;
            case "#,##0" -> 3;
            case "#,##0.00" -> 4;
            default ->
                164
                        + (int) numberFormats.keySet().stream()
                                .filter(f -> numberFormatIdIsCustom(f))
                                .count();
        };
    }

    private static boolean numberFormatIdIsCustom(String format) {
        return !(format.equals("0") || format.equals("0.00") || format.equals("#,##0") || format.equals("#,##0.00"));
    }

    private void styles() throws IOException {
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<styleSheet xmlns=\"" + MAIN_NS
                + "\">");
        List<Map.Entry<String, Integer>> custom = numberFormats.entrySet().stream()
                .filter(e -> e.getValue() >= 164)
                .toList();
        if (!custom.isEmpty()) {
            out.write("<numFmts count=\"" + custom.size() + "\">");
            for (Map.Entry<String, Integer> format : custom) {
                out.write("<numFmt numFmtId=\"" + format.getValue() + "\" formatCode=\"");
                XmlText.write(out, format.getKey());
                out.write("\"/>");
            }
            out.write("</numFmts>");
        }
        out.write("<fonts count=\"4\">"
                + "<font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
                + "<font><b/><sz val=\"14\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
                + "<font><i/><sz val=\"10\"/><color rgb=\"FF555555\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
                + "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font></fonts>");
        out.write(
                "<fills count=\"3\"><fill><patternFill patternType=\"none\"/></fill>"
                        + "<fill><patternFill patternType=\"gray125\"/></fill>"
                        + "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFDCE6F1\"/><bgColor indexed=\"64\"/></patternFill></fill></fills>");
        out.write(
                "<borders count=\"3\"><border><left/><right/><top/><bottom/><diagonal/></border>"
                        + "<border><left/><right/><top/><bottom style=\"thin\"><color rgb=\"FF7F7F7F\"/></bottom><diagonal/></border>"
                        + "<border><left/><right/><top style=\"thin\"><color rgb=\"FF7F7F7F\"/></top><bottom/><diagonal/></border></borders>");
        out.write(
                "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>");
        List<String> xfs = new ArrayList<>();
        xfs.add("<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>");
        xfs.add("<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>");
        xfs.add("<xf numFmtId=\"0\" fontId=\"2\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>");
        xfs.add("<xf numFmtId=\"0\" fontId=\"3\" fillId=\"2\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\""
                + " applyBorder=\"1\" applyAlignment=\"1\"><alignment vertical=\"center\" wrapText=\"1\"/></xf>");
        xfs.add(
                "<xf numFmtId=\"0\" fontId=\"3\" fillId=\"0\" borderId=\"2\" xfId=\"0\" applyFont=\"1\" applyBorder=\"1\"/>");
        for (int i = 0; i < columns.size(); i++) {
            String format = numberFormat(columns.get(i));
            int id = format == null ? 0 : numberFormats.get(format);
            if (dataStyles[i] != 0) {
                xfs.add("<xf numFmtId=\"" + id + "\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\""
                        + (id != 0 ? " applyNumberFormat=\"1\"" : "") + "/>");
            }
            if (totalStyles[i] != 0) {
                xfs.add("<xf numFmtId=\"" + id + "\" fontId=\"3\" fillId=\"0\" borderId=\"2\" xfId=\"0\""
                        + " applyFont=\"1\" applyBorder=\"1\"" + (id != 0 ? " applyNumberFormat=\"1\"" : "") + "/>");
            }
        }
        out.write("<cellXfs count=\"" + xfs.size() + "\">");
        for (String xf : xfs) {
            out.write(xf);
        }
        out.write(
                "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>");
        out.write("</styleSheet>");
    }

    // --- package parts

    private void entry(String name) throws IOException {
        out.flush();
        if (sheetOpen) {
            throw new IllegalStateException("A sheet is still open");
        }
        zip.putNextEntry(new ZipEntry(name));
    }

    private void workbook() throws IOException {
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<workbook xmlns=\"" + MAIN_NS
                + "\" xmlns:r=\"" + REL_NS + "\"><bookViews><workbookView/></bookViews><sheets>");
        for (int i = 0; i < sheetNames.size(); i++) {
            out.write("<sheet name=\"");
            XmlText.write(out, sheetNames.get(i));
            out.write("\" sheetId=\"" + (i + 1) + "\" r:id=\"rId" + (i + 1) + "\"/>");
        }
        out.write("</sheets>");
        if (formatted) {
            out.write("<definedNames><definedName name=\"_xlnm._FilterDatabase\" localSheetId=\""
                    + (sheetNames.size() - 1) + "\" hidden=\"1\">'");
            XmlText.write(out, sheetNames.get(sheetNames.size() - 1).replace("'", "''"));
            String[] range = filterRange(lastFilterRow).split(":");
            out.write("'!$" + range[0].replaceAll("(\\d+)", "\\$$1") + ":$" + range[1].replaceAll("(\\d+)", "\\$$1")
                    + "</definedName></definedNames>");
        }
        out.write("</workbook>");
    }

    private void workbookRelationships() throws IOException {
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\""
                + "http://schemas.openxmlformats.org/package/2006/relationships\">");
        for (int i = 0; i < sheetNames.size(); i++) {
            out.write("<Relationship Id=\"rId" + (i + 1) + "\" Type=\"" + REL_NS
                    + "/worksheet\" Target=\"worksheets/sheet" + (i + 1) + ".xml\"/>");
        }
        out.write("<Relationship Id=\"rId" + (sheetNames.size() + 1) + "\" Type=\"" + REL_NS
                + "/styles\" Target=\"styles.xml\"/></Relationships>");
    }

    private void contentTypes() throws IOException {
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types xmlns=\""
                + "http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\""
                + "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/styles.xml\" ContentType=\""
                + "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>");
        for (int i = 0; i < sheetNames.size(); i++) {
            out.write("<Override PartName=\"/xl/worksheets/sheet" + (i + 1) + ".xml\" ContentType=\""
                    + "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
        }
        out.write("</Types>");
    }
}
