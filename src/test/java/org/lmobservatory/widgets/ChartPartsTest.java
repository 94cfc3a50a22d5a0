package org.lmobservatory.widgets;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hand-written parts of the charts, without a server: the value axis, text fitting, the broken line, coordinates. */
class ChartPartsTest {

    @Test
    void axisStartsAtZeroWithNiceTicksUnlessThatFlattensTheData() {
        ChartScale rates = ChartScale.of(List.of(3.2, 7.9, 11.4), 1);
        assertEquals(List.of(0.0, 5.0, 10.0, 15.0), rates.ticks, "about four steps of 1, 2, 2.5 or 5 × 10ⁿ");
        assertEquals(0, rates.decimals);
        ChartScale quarters = ChartScale.of(List.of(3.2, 9.5), 1);
        assertEquals(List.of(0.0, 2.5, 5.0, 7.5, 10.0), quarters.ticks);
        assertEquals(1, quarters.decimals, "2.5 needs one decimal");
        ChartScale high = ChartScale.of(List.of(96.0, 98.5, 99.1), 1);
        assertTrue(high.min > 90, "values far from zero keep their own range: " + high.ticks);
        assertTrue(high.min <= 96 && high.max >= 99.1, high.ticks.toString());
    }

    @Test
    void axisOfEqualNegativeOrNoValues() {
        ChartScale flat = ChartScale.of(List.of(5.0, 5.0), 0);
        assertTrue(flat.min <= 4.5 && flat.max >= 5.5 && flat.min >= 0, flat.ticks.toString());
        ChartScale zeros = ChartScale.of(List.of(0.0), 0);
        assertEquals(0.0, zeros.min, "counts of zero never draw a negative axis");
        ChartScale negative = ChartScale.of(List.of(-4.0, -1.0), 0);
        assertTrue(negative.max == 0 && negative.min <= -4, negative.ticks.toString());
        ChartScale none = ChartScale.of(List.of(), 0);
        assertEquals(0.0, none.min);
        assertEquals(300.0, rates().y(0, 100, 300), 1e-9, "zero at the bottom");
        assertEquals(100.0, rates().y(15, 100, 300), 1e-9, "the top tick at the top");
    }

    private static ChartScale rates() {
        return ChartScale.of(List.of(3.2, 7.9, 11.4), 1);
    }

    @Test
    void longBarLabelsWrapOntoASecondLineInsteadOfBeingCut() {
        List<java.time.LocalDate> periods = List.of(java.time.LocalDate.of(2025, 1, 1));
        ChartModel m = new ChartModel(ChartType.BAR, "en", "Title", null, "PERS", "persons", 0, org.lmobservatory.catalogue.Frequency.A,
                periods, List.of(
                        new ChartModel.Series("A", "Helsinki-Uusimaa employment area", List.of(new CollectedObservations.Cell(java.math.BigDecimal.TEN, null))),
                        new ChartModel.Series("B", "Espoo", List.of(new CollectedObservations.Cell(java.math.BigDecimal.ONE, null)))),
                List.of(), null);
        String svg = BarChart.render(m, "t");
        assertFalse(svg.contains("…"), "nothing cut: " + svg);
        assertTrue(svg.contains(">Helsinki-Uusimaa employment</tspan>") && svg.contains(">area</tspan>"), "two lines: " + svg);
    }

    @Test
    void longLegendLabelsWrapInsteadOfBeingCut() {
        String common = "Graduates of upper secondary vocational education and training in the capital region, ";
        List<java.time.LocalDate> periods = List.of(java.time.LocalDate.of(2024, 1, 1), java.time.LocalDate.of(2025, 1, 1));
        List<CollectedObservations.Cell> cells = List.of(new CollectedObservations.Cell(java.math.BigDecimal.ONE, null),
                new CollectedObservations.Cell(java.math.BigDecimal.TEN, null));
        ChartModel m = new ChartModel(ChartType.LINE, "en", "Title", null, "PERS", "persons", 0, org.lmobservatory.catalogue.Frequency.A,
                periods, List.of(new ChartModel.Series("A", common + "women", cells), new ChartModel.Series("B", common + "men", cells)),
                List.of(), null);
        String svg = LineChart.render(m, "t");
        assertFalse(svg.contains("…"), "nothing cut");
        assertTrue(svg.contains(">women</text>") || svg.contains(" women</text>"), "the end of the first label shows: " + svg);
        assertTrue(svg.contains(">men</text>") || svg.contains(" men</text>"), "the end of the second label shows");
    }

    @Test
    void linesLiftThePenAtAGap() {
        LinePath p = new LinePath();
        assertTrue(p.isEmpty());
        p.lift();
        p.to(1, 2);
        p.to(3.25, 4);
        assertFalse(p.broken(), "a missing first value is no break");
        p.lift();
        p.to(5, 6);
        assertEquals("M1 2 L3.3 4 M5 6", p.toString());
        assertTrue(p.broken());
    }

    @Test
    void textWrapsByEstimatedWidthAndTruncatesWithAnEllipsis() {
        assertEquals(List.of("Unemployment rate", "of young people in", "Helsinki-Uusimaa"),
                TextLayout.wrap("Unemployment rate of young people in Helsinki-Uusimaa", 180, 10));
        assertEquals(List.of("Työttömyysaste"), TextLayout.wrap("Työttömyysaste", 50, 10), "a word longer than the line is kept whole");
        assertEquals("Helsin…", TextLayout.truncate("Helsinki", 7));
        assertEquals("Espoo", TextLayout.truncate("Espoo", 7));
    }

    @Test
    void coordinatesHaveOneDecimalAndADotInAnyLocale() {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("fi"));
            assertEquals("12.3", Svg.n(12.34));
            assertEquals("12", Svg.n(11.96));
            assertEquals("-0.5", Svg.n(-0.46));
        } finally {
            java.util.Locale.setDefault(before);
        }
    }
}
