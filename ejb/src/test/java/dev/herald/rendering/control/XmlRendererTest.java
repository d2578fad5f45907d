package dev.herald.rendering.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** XML parsed back: documented element names, typed values, escaping, criteria and totals. */
class XmlRendererTest {

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static String value(Element row, String column) {
        NodeList found = row.getElementsByTagName(column);
        return found.getLength() == 0 ? null : found.item(0).getTextContent();
    }

    @Test
    void rowsCriteriaAndTotalsReadBack() throws Exception {
        Document document = parse(SampleReport.render(XmlRenderer::new, 0));
        Element report = document.getDocumentElement();

        assertThat(report.getTagName()).isEqualTo("report");
        assertThat(report.getAttribute("key")).isEqualTo("payments-activities-detailed");
        assertThat(report.getAttribute("name")).isEqualTo("Payments & Activities (detailed)");
        assertThat(report.getAttribute("title")).isEqualTo("Yesterday's Sales");
        assertThat(report.getAttribute("generatedAt")).isEqualTo("2026-11-23T06:12Z");
        assertThat(report.getAttribute("timeZone")).isEqualTo("Europe/London");

        Element criterion = (Element) report.getElementsByTagName("criterion").item(0);
        assertThat(criterion.getAttribute("name")).isEqualTo("paymentDate");
        assertThat(criterion.getAttribute("from")).isEqualTo("2026-11-16");
        assertThat(criterion.getAttribute("to")).isEqualTo("2026-11-22");
        assertThat(criterion.getTextContent()).isEqualTo("Last week: 16 Nov 2026 – 22 Nov 2026");

        NodeList columns = report.getElementsByTagName("column");
        assertThat(columns.getLength()).isEqualTo(8);
        assertThat(((Element) columns.item(3)).getAttribute("type")).isEqualTo("MONEY");

        NodeList rows = report.getElementsByTagName("row");
        assertThat(rows.getLength()).isEqualTo(6);
        Element first = (Element) rows.item(0);
        assertThat(value(first, "id")).isEqualTo("1");
        assertThat(value(first, "customer")).isEqualTo("Zoë Ångström");
        assertThat(value(first, "amount")).isEqualTo("12.50");
        assertThat(value(first, "day")).isEqualTo("2026-11-16");
        assertThat(value(first, "paidAt")).isEqualTo("2026-11-16T09:05:07");
        assertThat(value(first, "optIn")).isEqualTo("true");
        Element second = (Element) rows.item(1);
        assertThat(value(second, "note")).isEqualTo("comma, \"quoted\" and\nnew line");
        assertThat(value(second, "customer")).isEqualTo("Дмитрий Σοφία Łukasz");
        assertThat(value((Element) rows.item(2), "optIn"))
                .as("an empty value has no element")
                .isNull();
        assertThat(value((Element) rows.item(5), "customer"))
                .as("markup escaped, a control character replaced")
                .isEqualTo("<tag> & \uFFFD control");

        Element totals = (Element) report.getElementsByTagName("totals").item(0);
        assertThat(value(totals, "amount")).isEqualTo("1000016.35");
        assertThat(value(totals, "tickets")).isEqualTo("11");
        assertThat(report.getElementsByTagName("rowCount").item(0).getTextContent())
                .isEqualTo("6");
    }
}
