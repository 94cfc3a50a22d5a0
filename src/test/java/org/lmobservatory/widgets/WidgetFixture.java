package org.lmobservatory.widgets;

import org.lmobservatory.support.TestServer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * A small annual youth-unemployment dataset over the real GEO codelist with a municipality (Helsinki), its region
 * and its country, more regions for rankings, one missing value (m) in Helsinki's series and one suppressed value
 * (c) in Åland's, and Pristina, whose country is not in the data. Published once per test run.
 */
final class WidgetFixture {
    static final String DATASET = "widget-youth-unemployment";
    static final String MUNICIPALITY = "FI_091";
    static final String REGION = "FI1B";
    static final String COUNTRY = "FI";
    static final String WITHOUT_ANCESTORS = "XK_27";
    static final String MISSING_YEAR = "2019";
    static final String SUPPRESSED_AREA = "FI20";
    static final List<String> AREAS = List.of("FI", "FI19", "FI1B", "FI1C", "FI1D", "FI20", "FI_049", "FI_091", "XK_27");
    static final List<String> REGIONS = List.of("FI19", "FI1B", "FI1C", "FI1D", "FI20");
    private static boolean published;

    private WidgetFixture() {
    }

    static synchronized void publish() throws Exception {
        if (published) return;
        TestServer.publish(DATASET, TestServer.file(DATASET + ".json", definition(DATASET)), TestServer.file(DATASET + ".csv", data()));
        published = true;
    }

    /** Another dataset of the same shape, e.g. to publish several releases of it; returns the release id. */
    static long publishCopy(String datasetId, String data) throws Exception {
        return TestServer.publish(datasetId, TestServer.file(datasetId + ".json", definition(datasetId)), TestServer.file(datasetId + ".csv", data));
    }

    private static String definition(String id) {
        return """
                {
                  "id": "%s",
                  "title": {"en": "Youth unemployment rate (widget test)", "fi": "Nuorisotyöttömyysaste (widgettitesti)",
                            "sv": "Ungdomsarbetslöshet (widgettest)", "sq": "Papunësia e të rinjve (test)", "bg": "Младежка безработица (тест)",
                            "pl": "Stopa bezrobocia młodzieży (test)", "cs": "Míra nezaměstnanosti mladých (test)"},
                  "description": {"en": "Generated for the widget tests."},
                  "theme": "labour-market",
                  "keywords": ["test"],
                  "frequency": "A",
                  "unit": {"id": "PC", "label": {"en": "percent", "fi": "prosenttia"}, "multiplier": 0, "decimals": 1},
                  "source": "Widget test data (generated)",
                  "licence": "CC-BY-4.0",
                  "demonstration": true,
                  "dimensions": [
                    {"id": "geo", "codelist": "GEO", "role": "geo", "label": {"en": "Area", "fi": "Alue"}},
                    {"id": "age", "codelist": "AGE", "label": {"en": "Age", "fi": "Ikä"}}
                  ]
                }
                """.formatted(id);
    }

    /** Values like 12.3 that differ by area, age and year; 2025 is provisional. */
    static String data() {
        StringBuilder csv = new StringBuilder("geo,age,time,value,flag\n");
        for (int a = 0; a < AREAS.size(); a++) {
            String geo = AREAS.get(a);
            for (String age : List.of("Y15-24", "Y15-74")) {
                for (int year = 2016; year <= 2025; year++) {
                    String flag = year == 2025 ? "p" : "";
                    String value = value(a, age, year).toPlainString();
                    if (geo.equals(MUNICIPALITY) && age.equals("Y15-24") && Integer.toString(year).equals(MISSING_YEAR)) {
                        value = "";
                        flag = "m";
                    }
                    if (geo.equals(SUPPRESSED_AREA) && age.equals("Y15-24") && year == 2025) {
                        value = "";
                        flag = "c";
                    }
                    csv.append(geo).append(',').append(age).append(',').append(year).append(',').append(value).append(',').append(flag).append('\n');
                }
            }
        }
        return csv.toString();
    }

    private static BigDecimal value(int area, String age, int year) {
        double base = (age.equals("Y15-24") ? 15 : 7) + area * 0.7;
        double wave = ((year * 7 + area * 3) % 11) / 4.0;
        return BigDecimal.valueOf(base + wave + (year - 2016) * 0.15).setScale(1, RoundingMode.HALF_UP);
    }
}
